/**
 * A generous estimate of a text's width in pixels. jsdom cannot measure
 * text and the layout must be known before render, so the panel budgets
 * space from character counts (0.6 em a character covers digits and most
 * Latin letters in Grafana's Inter).
 */
export const textWidth = (text: string, fontSize: number): number => Math.ceil(text.length * fontSize * 0.6);

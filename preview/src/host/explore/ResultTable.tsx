import type { DataFrame } from '@grafana/data';
import { InlineField, Select, Stack, Table } from '@grafana/ui';
import { useState } from 'react';
import { exploreTestIds, exploreText } from './exploreText';

interface Props {
  frames: DataFrame[];
  width: number;
  height: number;
}

const frameName = (frame: DataFrame, index: number) => frame.name ?? frame.refId ?? `${exploreText.frame} ${index + 1}`;

/** The result as Grafana's table, one frame at a time with a picker when there are several (as the table panel does). */
export function ResultTable({ frames, width, height }: Props) {
  const [picked, setPicked] = useState(0);
  const index = picked < frames.length ? picked : 0;
  return (
    <Stack direction="column" gap={1}>
      {frames.length > 1 && (
        <InlineField label={exploreText.frame} labelWidth={12}>
          <Select
            width={40}
            options={frames.map((frame, at) => ({ label: frameName(frame, at), value: at }))}
            value={index}
            onChange={(option) => setPicked(option.value ?? 0)}
          />
        </InlineField>
      )}
      <div data-testid={exploreTestIds.table}>
        <Table data={frames[index]} width={width} height={height} />
      </div>
    </Stack>
  );
}

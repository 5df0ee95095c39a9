// Tests pin the clock's time zone so dates never depend on the machine.
process.env.TZ = 'UTC';

/**
 * The engine's time source. Production reads the system clock; tests and drills replace `now` to
 * walk deadlines on a scripted calendar.
 */
export default () => ({
  now: (): Date => new Date(),
});

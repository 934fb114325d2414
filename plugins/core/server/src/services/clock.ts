/**
 * The time source of deadlines, jobs and notices. Production reads the system clock; tests and
 * drills replace `now` to walk deadlines on a scripted calendar.
 */
const clockService = () => ({
  now: (): Date => new Date(),
});

export default clockService;

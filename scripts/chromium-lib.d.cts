export interface Step {
  command: string;
  args: string[];
  env: Record<string, string>;
}
export type Plan =
  | { action: 'use'; commands: [] }
  | { action: 'install'; commands: Step[] }
  | { action: 'stop'; commands: []; command: string | null; message: string };
export const CHROMIUM: string;
export function chromiumPlan(machine: { present: boolean; isRoot: boolean; aptAvailable: boolean }): Plan;
export function ensureChromium(system: {
  exists(path: string): boolean;
  isRoot(): boolean;
  aptAvailable(): boolean;
  run(command: string, args: string[], env: Record<string, string>): Promise<void>;
  log(line: string): void;
}): Promise<Plan>;

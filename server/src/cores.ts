// How many cores this process may use: Node's estimate where it has one (18.14 and later, which also
// counts a container's CPU limit), else the machine's CPUs.
import * as os from 'node:os';

export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

// The NCCTG lung cancer data (R survival::lung) as the survival examples use it: death 0/1, sex and
// ECOG as labelled factors (as R `factor(sex, labels = c("Male", "Female"))`). With `complete`, the rows a
// Cox model on age, sex and ECOG uses: ECOG 0-2 (one row has no ECOG and one has ECOG 3; both left out).
import { readData } from './lib.mjs';

export function lungTable({ complete = false } = {}) {
  const raw = readData('lung.csv');
  const table = { time: [], death: [], age: [], sex: [], ecog: [] };
  let dropped = 0;
  for (let i = 0; i < raw.time.length; i++) {
    const ecog = raw['ph.ecog'][i];
    if (complete && !(ecog >= 0 && ecog <= 2)) {
      dropped++;
      continue;
    }
    table.time.push(raw.time[i]);
    table.death.push(raw.status[i] === 2 ? 1 : 0);
    table.age.push(raw.age[i]);
    table.sex.push(raw.sex[i] === 1 ? 'Male' : 'Female');
    table.ecog.push(String(ecog));
  }
  return { table, dropped };
}

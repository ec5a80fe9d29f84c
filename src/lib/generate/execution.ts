// What a unit actually spent in a year (its 决算), drawn from what it budgeted (its 预算): personnel close to
// the budget, office costs and projects mostly under it, 三公 under it as the austerity rules ask and now and
// then over. Staff, vehicles and assets are the budget's. All amounts in 分, like the budget's figures.
import type { Project, ThreePublic, YearFigures } from './figures';
import type { Random } from './random';

/** A budget amount scaled by a factor in [lo, hi] (drawn), in whole 分; zero stays zero. */
const spent = (budget: number, lo: number, hi: number, random: Random) =>
  budget === 0 ? 0 : Math.max(1, Math.round(budget * (lo + random.next() * (hi - lo))));

function actualThree(b: ThreePublic, random: Random): ThreePublic {
  const over = random.chance(0.1);
  const [lo, hi] = over ? [1.0, 1.15] : [0.6, 1.0];
  return {
    overseas: spent(b.overseas, lo, hi, random),
    // a car bought is bought at its budgeted price
    vehiclePurchase: b.vehiclePurchase,
    vehicleOperation: spent(b.vehicleOperation, lo, hi, random),
    reception: spent(b.reception, lo, hi, random)
  };
}

/** The 决算 figures of a unit-year whose 预算 figures are `b` (the economic items behind 三公 stay equal to it). */
export function actualOf(b: YearFigures, random: Random): YearFigures {
  const three = actualThree(b.three, random);
  const tied: Record<string, number> = {
    '30217': three.reception,
    '30231': three.vehicleOperation,
    '30212': three.overseas
  };
  const economic = new Map<string, number>();
  for (const [code, amount] of b.economic) {
    const a =
      code in tied
        ? tied[code]
        : code.startsWith('302')
          ? spent(amount, 0.85, 1.04, random)
          : spent(amount, 0.97, 1.02, random);
    if (a > 0) economic.set(code, a);
  }
  const projects: Project[] = b.projects.map((p) => ({
    ...p,
    amount: p.name.startsWith('公务用车') ? three.vehiclePurchase : spent(p.amount, 0.7, 1.02, random)
  }));
  const scale = (x: number) => spent(x, 0.85, 1.0, random);
  return {
    ...b,
    economic,
    projects,
    three,
    procurement: {
      goods: scale(b.procurement.goods),
      works: scale(b.procurement.works),
      services: scale(b.procurement.services),
      smes: scale(b.procurement.smes)
    }
  };
}

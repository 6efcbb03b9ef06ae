//! Interval arithmetic over printed precision. A number printed with d decimals
//! stands for anything within ±0.5·10⁻ᵈ of it; a relation is only *impossible*
//! (an error) when the stated result's interval misses the interval of the
//! re-computation entirely.

use jixiao_model::Printed;
use rust_decimal::Decimal;

/// A closed interval of exact decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    /// Lower bound.
    pub lo: Decimal,
    /// Upper bound.
    pub hi: Decimal,
}

/// Half a unit in the last printed place: 0.005 for 2 decimals (none past
/// what a decimal can hold).
pub fn half_ulp(decimals: u32) -> Decimal {
    Decimal::try_new(5, decimals.saturating_add(1)).unwrap_or(Decimal::ZERO)
}

/// What an interval whose bounds overflowed stands for: anything. A
/// relation over it can never be impossible, so no error is built on it.
const ANYTHING: Interval = Interval {
    lo: Decimal::MIN,
    hi: Decimal::MAX,
};

fn bounded(lo: Option<Decimal>, hi: Option<Decimal>) -> Interval {
    match (lo, hi) {
        (Some(lo), Some(hi)) => Interval { lo, hi },
        _ => ANYTHING,
    }
}

impl Interval {
    /// The exact value `v`.
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// What a number printed as `v` with `decimals` decimals may stand for.
    pub fn printed(v: Decimal, decimals: u32) -> Interval {
        let h = half_ulp(decimals);
        bounded(v.checked_sub(h), v.checked_add(h))
    }

    /// What a printed number may stand for.
    pub fn of_printed(p: Printed) -> Interval {
        Interval::printed(p.value, p.decimals)
    }

    /// From a decimal as parsed, using its own scale as the printed precision.
    pub fn of(v: Decimal) -> Interval {
        Interval::printed(v, v.scale())
    }

    /// Sum.
    pub fn add(self, o: Interval) -> Interval {
        bounded(self.lo.checked_add(o.lo), self.hi.checked_add(o.hi))
    }

    /// Difference.
    pub fn sub(self, o: Interval) -> Interval {
        bounded(self.lo.checked_sub(o.hi), self.hi.checked_sub(o.lo))
    }

    /// Product.
    pub fn mul(self, o: Interval) -> Interval {
        let c = [
            self.lo.checked_mul(o.lo),
            self.lo.checked_mul(o.hi),
            self.hi.checked_mul(o.lo),
            self.hi.checked_mul(o.hi),
        ];
        let c: Option<Vec<Decimal>> = c.into_iter().collect();
        let Some(c) = c else { return ANYTHING };
        bounded(c.iter().min().copied(), c.iter().max().copied())
    }

    /// Quotient; `None` when the divisor's interval contains zero.
    pub fn div(self, o: Interval) -> Option<Interval> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        Some(Interval {
            lo: *c.iter().min()?,
            hi: *c.iter().max()?,
        })
    }

    /// Scales by an exact factor (e.g. ×100 for a percentage).
    pub fn scale(self, k: Decimal) -> Interval {
        self.mul(Interval::exact(k))
    }

    /// The sizes of the interval's values: `[-1, 2]` is `[0, 2]`.
    pub fn abs(self) -> Interval {
        if self.lo >= Decimal::ZERO {
            self
        } else if self.hi <= Decimal::ZERO {
            Interval {
                lo: -self.hi,
                hi: -self.lo,
            }
        } else {
            Interval {
                lo: Decimal::ZERO,
                hi: self.hi.max(-self.lo),
            }
        }
    }

    /// True when the two intervals share a point.
    pub fn overlaps(self, o: Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

/// The finest precision any of a column's printed values shows: in a column
/// printing 7.8 and 9.28, a value printed 6 means 6.00.
pub fn column_decimals(values: &[Decimal]) -> u32 {
    values.iter().map(|v| v.scale()).max().unwrap_or(0)
}

/// A column's values added up: the interval their printing allows, each read
/// at the column's precision `decimals`, and the straight sum.
pub fn column_sum(values: &[Decimal], decimals: u32) -> (Interval, Decimal) {
    let iv = values
        .iter()
        .map(|v| Interval::printed(*v, decimals))
        .fold(Interval::exact(Decimal::ZERO), Interval::add);
    (iv, values.iter().sum())
}

/// `num / den` as a percentage: the interval the printed numbers allow, and
/// the straight quotient; none when the divisor may be zero.
pub fn percent(num: Printed, den: Printed) -> Option<(Interval, Decimal)> {
    let iv = Interval::of_printed(num)
        .div(Interval::of_printed(den))?
        .scale(Decimal::ONE_HUNDRED);
    let straight = num.value.checked_div(den.value)? * Decimal::ONE_HUNDRED;
    Some((iv, straight))
}

/// The verdict on a stated number against a re-computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Agrees at the printed precision.
    Consistent,
    /// Inside the rounding interval, but the straight re-computation rounds differently.
    Rounding,
    /// Impossible even allowing for the rounding of every printed input.
    Contradiction,
}

impl Verdict {
    /// The verdict on a relation that holds or not, with no rounding to weigh
    /// (a count, two statements of one value, a band).
    pub fn holding(holds: bool) -> Verdict {
        if holds {
            Verdict::Consistent
        } else {
            Verdict::Contradiction
        }
    }
}

/// Rounds as reports do (and Excel's ROUND): a half goes away from zero, so
/// 130 / 320 = 40.625% prints 40.63%, not the banker's 40.62%.
pub trait HalfUp {
    /// The value rounded half away from zero to `decimals` places.
    fn round_half_up(self, decimals: u32) -> Self;
}

impl HalfUp for Decimal {
    fn round_half_up(self, decimals: u32) -> Decimal {
        self.round_dp_with_strategy(
            decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    }
}

/// Of several readings of one relation (other wholes, other terms), the one
/// to report: the first that holds, else the first within rounding, else the
/// first.
pub fn best_reading<T>(readings: &[T], verdict: impl Fn(&T) -> Verdict) -> Option<&T> {
    readings
        .iter()
        .find(|r| verdict(r) == Verdict::Consistent)
        .or_else(|| readings.iter().find(|r| verdict(r) == Verdict::Rounding))
        .or(readings.first())
}

/// Judges `stated` (printed with `decimals`) against the interval of the
/// re-computation and its straight value.
pub fn judge(stated: Decimal, decimals: u32, computed: Interval, straight: Decimal) -> Verdict {
    let own = Interval::printed(stated, decimals);
    if !own.overlaps(computed) {
        Verdict::Contradiction
    } else if straight.round_half_up(decimals) != stated.round_half_up(decimals) {
        Verdict::Rounding
    } else {
        Verdict::Consistent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn the_two_seed_examples_from_checks_md() {
        // (51.68+75.32+64.51+97.56)/4 ∈ [72.2625, 72.2725]; stated 72.25 → error.
        let sum = ["51.68", "75.32", "64.51", "97.56"]
            .iter()
            .map(|s| Interval::of(d(s)))
            .fold(Interval::exact(Decimal::ZERO), Interval::add);
        let mean = sum.div(Interval::exact(d("4"))).unwrap();
        assert_eq!(
            judge(d("72.25"), 2, mean, d("72.2675")),
            Verdict::Contradiction
        );
        // 13.07/13.45 ∈ [97.10%, 97.25%], straight 97.17%; stated 97.20% → warning.
        let rate = Interval::of(d("13.07"))
            .div(Interval::of(d("13.45")))
            .unwrap()
            .scale(d("100"));
        assert_eq!(judge(d("97.20"), 2, rate, d("97.1747")), Verdict::Rounding);
        // 437.61/438.41 = 99.8175% printed 99.82 → consistent.
        let rate = Interval::of(d("437.61"))
            .div(Interval::of(d("438.41")))
            .unwrap()
            .scale(d("100"));
        assert_eq!(
            judge(d("99.82"), 2, rate, d("99.8175")),
            Verdict::Consistent
        );
    }

    /// Relations built from exact values and then rounded for print never
    /// raise an error (a property, swept over many values).
    #[test]
    fn rounded_exact_relations_never_contradict() {
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5000 {
            let a = Decimal::new((next() % 10_000_000) as i64 + 1, 4);
            let b = Decimal::new((next() % 10_000_000) as i64 + 1, 4);
            let (pa, pb) = (a.round_dp(2), b.round_dp(2));
            if pb.is_zero() {
                continue;
            }
            // a / b as a percentage, printed with 2 decimals.
            let exact = a / b * d("100");
            let stated = exact.round_dp(2);
            let iv = Interval::of(pa.round_dp(2))
                .div(Interval::printed(pb, 2))
                .map(|i| i.scale(d("100")));
            if let Some(iv) = iv {
                assert_ne!(
                    judge(stated, 2, iv, pa / pb * d("100")),
                    Verdict::Contradiction,
                    "{a}/{b}"
                );
            }
            // a + b printed.
            let sum = (a + b).round_dp(2);
            let iv = Interval::printed(pa, 2).add(Interval::printed(pb, 2));
            assert_ne!(
                judge(sum, 2, iv, pa + pb),
                Verdict::Contradiction,
                "{a}+{b}"
            );
            // a - b printed.
            let diff = (a - b).round_dp(2);
            let iv = Interval::printed(pa, 2).sub(Interval::printed(pb, 2));
            assert_ne!(
                judge(diff, 2, iv, pa - pb),
                Verdict::Contradiction,
                "{a}-{b}"
            );
        }
    }
}

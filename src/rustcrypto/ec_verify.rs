//! Variable-time ECDSA verification for P-256 and P-384 on this crate's own Montgomery
//! field arithmetic: Jacobian coordinates with the a = -3 doubling, mixed additions with
//! precomputed affine tables (window 7 for the generator, generated at build time by
//! scripts/gen_ec_tables.py; window 5 for the public key, built once per prepared key), and
//! interleaved wNAF for u1·G + u2·Q.
//!
//! Everything here handles public values only (key, signature, message hash), so variable
//! time is acceptable. Point decoding and validation (on the curve, not the identity) stay
//! with the `p256`/`p384` crates; signature decoding (0 < r, s < n) with `ecdsa`.

use super::ec_tables::*;
use super::modexp::{less_than, mont_mul_cios, neg_inverse_mod_2_64, sub_in_place};

/// A field element or scalar in Montgomery form, little-endian limbs.
type Fe<const L: usize> = [u64; L];
/// An affine point (x, y), Montgomery form.
pub(crate) type Affine<const L: usize> = (Fe<L>, Fe<L>);

/// Longest wNAF: one digit per scalar bit plus a carry digit.
const MAX_NAF: usize = 64 * 6 + 1;
/// Window of the per-key table: odd multiples Q, 3Q, ..., 15Q.
pub(crate) const KEY_TABLE_LEN: usize = 8;

/// Arithmetic modulo an odd `m < 2^(64L)` with top bit set, in Montgomery form.
struct MontField<const L: usize> {
    m: [u64; L],
    m0_inv: u64,
    r2: [u64; L],
    /// 1 in Montgomery form (R mod m).
    one: [u64; L],
}

impl<const L: usize> MontField<L> {
    const fn new(m: [u64; L], r2: [u64; L]) -> Self {
        Self {
            m,
            m0_inv: neg_inverse_mod_2_64(m[0]),
            r2,
            one: r_mod(m),
        }
    }

    #[inline(always)]
    fn mul(&self, a: &Fe<L>, b: &Fe<L>) -> Fe<L> {
        mont_mul_cios(&self.m, self.m0_inv, a, b)
    }

    #[inline(always)]
    fn sqr(&self, a: &Fe<L>) -> Fe<L> {
        self.mul(a, a)
    }

    #[inline(always)]
    fn add(&self, a: &Fe<L>, b: &Fe<L>) -> Fe<L> {
        let mut out = *a;
        let carry = add_in_place(&mut out, b);
        if carry || !less_than(&out, &self.m) {
            sub_in_place(&mut out, &self.m);
        }
        out
    }

    #[inline(always)]
    fn sub(&self, a: &Fe<L>, b: &Fe<L>) -> Fe<L> {
        let mut out = *a;
        if sub_in_place(&mut out, b) {
            // Wrapped below zero: add m back (the carry out cancels the borrow).
            add_in_place(&mut out, &self.m);
        }
        out
    }

    fn to_mont(&self, a: &Fe<L>) -> Fe<L> {
        self.mul(a, &self.r2)
    }

    fn leave_mont(&self, a: &Fe<L>) -> Fe<L> {
        let mut one = [0u64; L];
        one[0] = 1;
        self.mul(a, &one)
    }

    /// `a^(m-2)`: the inverse of a non-zero `a` (Fermat), 4-bit fixed window.
    fn invert(&self, a: &Fe<L>) -> Fe<L> {
        let mut e = self.m;
        sub_in_place(&mut e, &two::<L>());
        let mut powers = [[0u64; L]; 16];
        powers[0] = self.one;
        powers[1] = *a;
        for i in 2..16 {
            powers[i] = self.mul(&powers[i - 1], a);
        }
        let mut acc = powers[0];
        for limb in e.iter().rev() {
            for nibble in (0..16).rev() {
                for _ in 0..4 {
                    acc = self.sqr(&acc);
                }
                let digit = ((limb >> (4 * nibble)) & 0xf) as usize;
                if digit != 0 {
                    acc = self.mul(&acc, &powers[digit]);
                }
            }
        }
        acc
    }
}

/// `a += b`, returning the final carry.
fn add_in_place(a: &mut [u64], b: &[u64]) -> bool {
    let mut carry = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (s1, c1) = x.overflowing_add(y);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        *x = s2;
        carry = c1 | c2;
    }
    carry
}

/// R mod m for R = 2^(64L): R - m, which is below m because every modulus here has its top
/// bit set (checked when the constant is built).
const fn r_mod<const L: usize>(m: [u64; L]) -> [u64; L] {
    assert!(m[L - 1] >> 63 == 1, "modulus must have its top bit set");
    // Two's complement of m: !m + 1.
    let mut out = [0u64; L];
    let mut carry = 1u64;
    let mut i = 0;
    while i < L {
        let (sum, overflow) = (!m[i]).overflowing_add(carry);
        out[i] = sum;
        carry = overflow as u64;
        i += 1;
    }
    out
}

const fn two<const L: usize>() -> [u64; L] {
    let mut x = [0u64; L];
    x[0] = 2;
    x
}

/// One curve's constants.
pub(crate) struct Curve<const L: usize> {
    fp: MontField<L>,
    fn_: MontField<L>,
    g_table: &'static [Affine<L>; 32],
}

pub(crate) static P256: Curve<4> = Curve {
    fp: MontField::new(P256_P, P256_P_R2),
    fn_: MontField::new(P256_N, P256_N_R2),
    g_table: &P256_G_TABLE,
};

pub(crate) static P384: Curve<6> = Curve {
    fp: MontField::new(P384_P, P384_P_R2),
    fn_: MontField::new(P384_N, P384_N_R2),
    g_table: &P384_G_TABLE,
};

/// Jacobian point (X, Y, Z) representing (X/Z², Y/Z³); Z = 0 is the point at infinity.
#[derive(Clone, Copy)]
struct Jacobian<const L: usize> {
    x: Fe<L>,
    y: Fe<L>,
    z: Fe<L>,
}

fn is_zero<const L: usize>(a: &Fe<L>) -> bool {
    a.iter().all(|l| *l == 0)
}

impl<const L: usize> Curve<L> {
    fn infinity(&self) -> Jacobian<L> {
        Jacobian {
            x: [0; L],
            y: [0; L],
            z: [0; L],
        }
    }

    fn lift(&self, p: &Affine<L>) -> Jacobian<L> {
        Jacobian {
            x: p.0,
            y: p.1,
            z: self.fp.one,
        }
    }

    /// dbl-2001-b (a = -3): 3M + 5S.
    fn double(&self, p: &Jacobian<L>) -> Jacobian<L> {
        let f = &self.fp;
        if is_zero(&p.z) || is_zero(&p.y) {
            return self.infinity();
        }
        let delta = f.sqr(&p.z);
        let gamma = f.sqr(&p.y);
        let beta = f.mul(&p.x, &gamma);
        let t = f.mul(&f.sub(&p.x, &delta), &f.add(&p.x, &delta));
        let alpha = f.add(&f.add(&t, &t), &t);
        let beta4 = f.add(&f.add(&beta, &beta), &f.add(&beta, &beta));
        let x3 = f.sub(&f.sqr(&alpha), &f.add(&beta4, &beta4));
        let yz = f.add(&p.y, &p.z);
        let z3 = f.sub(&f.sub(&f.sqr(&yz), &gamma), &delta);
        let gamma2 = f.sqr(&gamma);
        let gamma2_8 = {
            let g2 = f.add(&gamma2, &gamma2);
            let g4 = f.add(&g2, &g2);
            f.add(&g4, &g4)
        };
        let y3 = f.sub(&f.mul(&alpha, &f.sub(&beta4, &x3)), &gamma2_8);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    /// madd-2007-bl: Jacobian + affine, 7M + 4S, with the exceptional cases handled.
    fn add_affine(&self, p: &Jacobian<L>, q: &Affine<L>) -> Jacobian<L> {
        let f = &self.fp;
        if is_zero(&p.z) {
            return self.lift(q);
        }
        let z1z1 = f.sqr(&p.z);
        let u2 = f.mul(&q.0, &z1z1);
        let s2 = f.mul(&q.1, &f.mul(&p.z, &z1z1));
        let h = f.sub(&u2, &p.x);
        let s_diff = f.sub(&s2, &p.y);
        if is_zero(&h) {
            return if is_zero(&s_diff) {
                self.double(p)
            } else {
                self.infinity()
            };
        }
        let r = f.add(&s_diff, &s_diff);
        let hh = f.sqr(&h);
        let i = f.add(&f.add(&hh, &hh), &f.add(&hh, &hh));
        let j = f.mul(&h, &i);
        let v = f.mul(&p.x, &i);
        let x3 = f.sub(&f.sub(&f.sqr(&r), &j), &f.add(&v, &v));
        let y1j = f.mul(&p.y, &j);
        let y3 = f.sub(&f.mul(&r, &f.sub(&v, &x3)), &f.add(&y1j, &y1j));
        let zh = f.add(&p.z, &h);
        let z3 = f.sub(&f.sub(&f.sqr(&zh), &z1z1), &hh);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    fn neg(&self, q: &Affine<L>) -> Affine<L> {
        (q.0, self.fp.sub(&[0; L], &q.1))
    }

    /// The affine point for big-endian coordinates, or `None` if a coordinate is not < p.
    /// (Curve membership is checked by the point decoder before this is called.)
    pub(crate) fn affine_from_be(&self, x: &[u8], y: &[u8]) -> Option<Affine<L>> {
        let x = from_be::<L>(x)?;
        let y = from_be::<L>(y)?;
        if !less_than(&x, &self.fp.m) || !less_than(&y, &self.fp.m) {
            return None;
        }
        Some((self.fp.to_mont(&x), self.fp.to_mont(&y)))
    }

    /// Odd multiples Q, 3Q, ..., 15Q as affine points (one shared inversion).
    pub(crate) fn key_table(&self, q: &Affine<L>) -> [Affine<L>; KEY_TABLE_LEN] {
        let f = &self.fp;
        let q2 = self.double(&self.lift(q));
        let q2 = self
            .to_affine(&q2)
            .expect("2Q is not infinity on a prime-order curve");
        let mut points = [self.lift(q); KEY_TABLE_LEN];
        for i in 1..KEY_TABLE_LEN {
            points[i] = self.add_affine(&points[i - 1], &q2);
        }
        // Montgomery's trick: invert the product of all Z once.
        let mut prefix = [[0u64; L]; KEY_TABLE_LEN];
        let mut acc = f.one;
        for (i, p) in points.iter().enumerate() {
            prefix[i] = acc;
            acc = f.mul(&acc, &p.z);
        }
        let mut inv = f.invert(&acc);
        let mut table = [([0u64; L], [0u64; L]); KEY_TABLE_LEN];
        for i in (0..KEY_TABLE_LEN).rev() {
            let z_inv = f.mul(&inv, &prefix[i]);
            inv = f.mul(&inv, &points[i].z);
            let z_inv2 = f.sqr(&z_inv);
            table[i] = (
                f.mul(&points[i].x, &z_inv2),
                f.mul(&points[i].y, &f.mul(&z_inv2, &z_inv)),
            );
        }
        table
    }

    fn to_affine(&self, p: &Jacobian<L>) -> Option<Affine<L>> {
        if is_zero(&p.z) {
            return None;
        }
        let f = &self.fp;
        let z_inv = f.invert(&p.z);
        let z_inv2 = f.sqr(&z_inv);
        Some((f.mul(&p.x, &z_inv2), f.mul(&p.y, &f.mul(&z_inv2, &z_inv))))
    }

    /// ECDSA verification (FIPS 186-5 6.4.2) with r and s already known to be in [1, n-1].
    pub(crate) fn verify(
        &self,
        key_table: &[Affine<L>; KEY_TABLE_LEN],
        prehash: &[u8],
        r_be: &[u8],
        s_be: &[u8],
    ) -> bool {
        let n = &self.fn_;
        let (Some(r), Some(s)) = (from_be::<L>(r_be), from_be::<L>(s_be)) else {
            return false;
        };
        let z = bits2int_mod_n::<L>(prehash, &n.m);
        // w = s^-1·R (Montgomery form); multiplying a plain value by it leaves the domain.
        let w = n.invert(&n.to_mont(&s));
        let u1 = n.mul(&z, &w);
        let u2 = n.mul(&r, &w);

        let mut naf1 = [0i8; MAX_NAF];
        let mut naf2 = [0i8; MAX_NAF];
        let len = wnaf(&u1, 7, &mut naf1).max(wnaf(&u2, 5, &mut naf2));
        let mut acc = self.infinity();
        for i in (0..len).rev() {
            acc = self.double(&acc);
            for (digit, table) in [(naf1[i], &self.g_table[..]), (naf2[i], &key_table[..])] {
                if digit > 0 {
                    acc = self.add_affine(&acc, &table[(digit as usize) / 2]);
                } else if digit < 0 {
                    acc = self.add_affine(&acc, &self.neg(&table[(-digit as usize) / 2]));
                }
            }
        }
        let Some((x, _)) = self.to_affine(&acc) else {
            return false;
        };
        // x mod n: x < p < 2n for both curves, so one subtraction at most.
        let mut x = self.fp.leave_mont(&x);
        if !less_than(&x, &n.m) {
            sub_in_place(&mut x, &n.m);
        }
        x == r
    }
}

/// Big-endian bytes (at most 8·L) into limbs.
fn from_be<const L: usize>(bytes: &[u8]) -> Option<[u64; L]> {
    if bytes.len() > 8 * L {
        return None;
    }
    let mut out = [0u64; L];
    for (i, chunk) in bytes.rchunks(8).enumerate() {
        out[i] = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    }
    Some(out)
}

/// The hash as an integer of the order's bit length (leftmost bits; both orders are whole
/// bytes), reduced mod n. The value is below 2^(64L) < 2n, so one subtraction suffices.
fn bits2int_mod_n<const L: usize>(prehash: &[u8], n: &[u64; L]) -> [u64; L] {
    let taken = &prehash[..prehash.len().min(8 * L)];
    let mut z = from_be::<L>(taken).expect("at most 8·L bytes");
    if !less_than(&z, n) {
        sub_in_place(&mut z, n);
    }
    z
}

/// Width-`w` NAF of `k` into `out` (least significant digit first); returns its length.
fn wnaf<const L: usize>(k: &[u64; L], w: u32, out: &mut [i8; MAX_NAF]) -> usize {
    let mut k = *k;
    let mut top = 0u64; // carry limb above k
    let window = 1i64 << w;
    let mut len = 0;
    while top != 0 || k.iter().any(|l| *l != 0) {
        let mut digit = 0i64;
        if k[0] & 1 == 1 {
            digit = (k[0] & (window as u64 - 1)) as i64;
            if digit >= window / 2 {
                digit -= window;
            }
            // k -= digit (digit may be negative: then k grows by |digit|).
            if digit > 0 {
                let mut borrow = digit as u64;
                for limb in k.iter_mut() {
                    let (v, b) = limb.overflowing_sub(borrow);
                    *limb = v;
                    borrow = u64::from(b);
                    if borrow == 0 {
                        break;
                    }
                }
                top -= borrow;
            } else {
                let mut carry = (-digit) as u64;
                for limb in k.iter_mut() {
                    let (v, c) = limb.overflowing_add(carry);
                    *limb = v;
                    carry = u64::from(c);
                    if carry == 0 {
                        break;
                    }
                }
                top += carry;
            }
        }
        out[len] = digit as i8;
        len += 1;
        // k >>= 1 across the limbs and the carry limb.
        for i in 0..L {
            let next = if i + 1 < L { k[i + 1] } else { top };
            k[i] = (k[i] >> 1) | (next << 63);
        }
        top >>= 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The precomputed 1 (R mod m) equals 1 taken into Montgomery form through R^2 mod m.
    #[test]
    fn montgomery_one_matches_conversion() {
        for field in [&P256.fp, &P256.fn_] {
            assert_eq!(field.one, field.to_mont(&[1, 0, 0, 0]));
            assert_eq!(field.leave_mont(&field.one), [1, 0, 0, 0]);
        }
        for field in [&P384.fp, &P384.fn_] {
            assert_eq!(field.one, field.to_mont(&[1, 0, 0, 0, 0, 0]));
            assert_eq!(field.leave_mont(&field.one), [1, 0, 0, 0, 0, 0]);
        }
    }
}

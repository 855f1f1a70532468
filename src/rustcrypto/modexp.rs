//! Fixed-width, allocation-free RSA public-key operation (RSAVP1, RFC 8017 5.2.2).
//!
//! Verification handles public data only (modulus, exponent, signature, message), so this
//! code is deliberately variable-time: branches and early exits depend on public values
//! alone. It must never be used with a private exponent.
//!
//! Montgomery multiplication is the CIOS method (Koç, Acar, Kaliski 1996) on 64-bit limbs,
//! little-endian, over the modulus' own width (no padding to a fixed size), which is what
//! makes it several times faster than a generic constant-time big-integer library here.

/// Largest modulus handled: 8192 bits.
pub(crate) const MAX_LIMBS: usize = 128;
/// Largest modulus in bytes.
pub(crate) const MAX_BYTES: usize = MAX_LIMBS * 8;

/// A modulus prepared for Montgomery arithmetic: everything that depends only on `n`.
#[derive(Clone)]
pub(crate) struct MontModulus {
    n: [u64; MAX_LIMBS],
    /// Limbs in use: the modulus' own count rounded up to a compiled width.
    limbs: usize,
    /// -n^-1 mod 2^64.
    n0_inv: u64,
    /// R^2 mod n, R = 2^(64 * limbs): converts into the Montgomery domain.
    r2: [u64; MAX_LIMBS],
    /// Modulus length in bytes (k in RFC 8017).
    byte_len: usize,
    /// Modulus length in bits.
    bit_len: usize,
}

impl MontModulus {
    /// Prepares an odd modulus given big-endian without leading zeros; `None` if it is even,
    /// empty or longer than 8192 bits.
    pub(crate) fn new(modulus: &[u8]) -> Option<Self> {
        let &last = modulus.last()?;
        if last & 1 == 0 || modulus.len() > MAX_BYTES || modulus[0] == 0 {
            return None;
        }
        let mut n = [0u64; MAX_LIMBS];
        let used = from_be_bytes(modulus, &mut n)?;
        // Pad to a width with a compiled Montgomery routine: R = 2^(64·limbs) > n still
        // holds, and the zero top limbs cost little next to unrolled loops.
        let limbs = [16, 32, 48, 64, 96, MAX_LIMBS]
            .into_iter()
            .find(|&w| w >= used)?;
        let bit_len = (modulus.len() - 1) * 8 + (8 - modulus[0].leading_zeros() as usize);
        let mut m = Self {
            n,
            limbs,
            n0_inv: neg_inverse_mod_2_64(n[0]),
            r2: [0u64; MAX_LIMBS],
            byte_len: modulus.len(),
            bit_len,
        };
        m.r2 = m.compute_r2();
        Some(m)
    }

    /// Modulus length in bytes.
    pub(crate) fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Modulus length in bits.
    pub(crate) fn bit_len(&self) -> usize {
        self.bit_len
    }

    /// Computes `signature^e mod n` into `out[..byte_len]` (big-endian), or `None` if the
    /// signature is not exactly `byte_len` bytes or not below n (RFC 8017 8.2.2 steps 1, 2a).
    /// `e` is big-endian, at most 8 bytes (the key decoder enforces this).
    pub(crate) fn public_op(
        &self,
        signature: &[u8],
        e: &[u8],
        out: &mut [u8; MAX_BYTES],
    ) -> Option<()> {
        if signature.len() != self.byte_len || e.is_empty() || e.len() > 8 {
            return None;
        }
        let l = self.limbs;
        let mut s = [0u64; MAX_LIMBS];
        from_be_bytes(signature, &mut s)?;
        if !less_than(&s[..l], &self.n[..l]) {
            return None;
        }
        let e = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        if e == 0 {
            return None;
        }

        // base = s·R mod n; acc runs through the exponent's bits from the top.
        let mut base = [0u64; MAX_LIMBS];
        self.mont_mul(&s[..l], &self.r2[..l], &mut base[..l]);
        let mut acc = base;
        let mut tmp = [0u64; MAX_LIMBS];
        let top = 63 - e.leading_zeros();
        // An odd exponent (every RSA one) ends on a multiplication: by plain s instead of
        // s·R, it leaves the Montgomery domain itself, (x·R)·s·R⁻¹ = x·s, saving the final
        // multiplication by 1.
        let last_multiplies_plain = e & 1 == 1 && top > 0;
        let lowest = u32::from(last_multiplies_plain);
        for bit in (lowest..top).rev() {
            self.mont_sqr(&acc[..l], &mut tmp[..l]);
            if (e >> bit) & 1 == 1 {
                self.mont_mul(&tmp[..l], &base[..l], &mut acc[..l]);
            } else {
                acc[..l].copy_from_slice(&tmp[..l]);
            }
        }
        if last_multiplies_plain {
            self.mont_sqr(&acc[..l], &mut base[..l]);
            self.mont_mul(&base[..l], &s[..l], &mut tmp[..l]);
        } else {
            // Leave the Montgomery domain: multiply by 1.
            let mut one = [0u64; MAX_LIMBS];
            one[0] = 1;
            self.mont_mul(&acc[..l], &one[..l], &mut tmp[..l]);
        }
        to_be_bytes(&tmp[..l], &mut out[..self.byte_len]);
        Some(())
    }

    /// `out = a·b·R^-1 mod n` for `a, b < n`, with the limb count known at compile time
    /// so the loops unroll and bounds checks vanish.
    fn mont_mul(&self, a: &[u64], b: &[u64], out: &mut [u64]) {
        match self.limbs {
            16 => self.mont_mul_fixed::<16>(a, b, out),
            32 => self.mont_mul_fixed::<32>(a, b, out),
            48 => self.mont_mul_fixed::<48>(a, b, out),
            64 => self.mont_mul_fixed::<64>(a, b, out),
            96 => self.mont_mul_fixed::<96>(a, b, out),
            _ => self.mont_mul_fixed::<MAX_LIMBS>(a, b, out),
        }
    }

    /// `out = a²·R^-1 mod n`: the exponent 65537 is 16 squarings and one multiplication,
    /// so squaring gets its own routine (about 25% fewer limb products).
    fn mont_sqr(&self, a: &[u64], out: &mut [u64]) {
        match self.limbs {
            16 => self.mont_sqr_fixed::<16, 32>(a, out),
            32 => self.mont_sqr_fixed::<32, 64>(a, out),
            48 => self.mont_sqr_fixed::<48, 96>(a, out),
            64 => self.mont_sqr_fixed::<64, 128>(a, out),
            96 => self.mont_sqr_fixed::<96, 192>(a, out),
            _ => self.mont_sqr_fixed::<MAX_LIMBS, { 2 * MAX_LIMBS }>(a, out),
        }
    }

    fn mont_sqr_fixed<const L: usize, const D: usize>(&self, a: &[u64], out: &mut [u64]) {
        let (Ok(a), Ok(n)) = (
            <&[u64; L]>::try_from(&a[..L]),
            <&[u64; L]>::try_from(&self.n[..L]),
        ) else {
            unreachable!("callers pass slices of the padded limb count")
        };
        out[..L].copy_from_slice(&mont_sqr_sos::<L, D>(n, self.n0_inv, a));
    }

    fn mont_mul_fixed<const L: usize>(&self, a: &[u64], b: &[u64], out: &mut [u64]) {
        let (Ok(a), Ok(b), Ok(n)) = (
            <&[u64; L]>::try_from(&a[..L]),
            <&[u64; L]>::try_from(&b[..L]),
            <&[u64; L]>::try_from(&self.n[..L]),
        ) else {
            unreachable!("callers pass slices of the padded limb count")
        };
        out[..L].copy_from_slice(&mont_mul_cios(n, self.n0_inv, a, b));
    }

    /// R^2 mod n without division: 2^(bit_len-1) doubled up to R mod n, doubled 64 more times
    /// to 2^64·R mod n (the Montgomery form of 2^64), then raised to the power `limbs` in
    /// the Montgomery domain, giving the Montgomery form of 2^(64·limbs) = R, i.e. R^2 mod n.
    fn compute_r2(&self) -> [u64; MAX_LIMBS] {
        let l = self.limbs;
        let mut x = [0u64; MAX_LIMBS];
        let top = self.bit_len - 1;
        x[top / 64] = 1u64 << (top % 64);
        for _ in 0..(64 * l - top) + 64 {
            self.double_mod(&mut x[..l]);
        }
        // x = Montgomery form of 2^64. Compute x^limbs (square-and-multiply, Montgomery).
        let base = x;
        let mut tmp = [0u64; MAX_LIMBS];
        let exp = l as u64;
        for bit in (0..63 - exp.leading_zeros()).rev() {
            self.mont_mul(&x[..l], &x[..l], &mut tmp[..l]);
            if (exp >> bit) & 1 == 1 {
                self.mont_mul(&tmp[..l], &base[..l], &mut x[..l]);
            } else {
                x[..l].copy_from_slice(&tmp[..l]);
            }
        }
        x
    }

    /// `x = 2x mod n` for `x < n`.
    fn double_mod(&self, x: &mut [u64]) {
        let mut carry = 0u64;
        for limb in x.iter_mut() {
            let next = *limb >> 63;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
        if carry != 0 || !less_than(x, &self.n[..x.len()]) {
            sub_in_place(x, &self.n[..x.len()]);
        }
    }
}

/// CIOS Montgomery multiplication: `a·b·R^-1 mod n` with R = 2^(64·L).
#[inline(always)]
pub(crate) fn mont_mul_cios<const L: usize>(
    n: &[u64; L],
    n0_inv: u64,
    a: &[u64; L],
    b: &[u64; L],
) -> [u64; L] {
    let mut t = [0u64; L];
    // t[L] of the textbook algorithm; t[L + 1] only lives inside one outer step.
    let mut t_top = 0u64;
    for &bi in b {
        let mut carry = 0u64;
        for (tj, &aj) in t.iter_mut().zip(a) {
            let v = u128::from(*tj) + u128::from(aj) * u128::from(bi) + u128::from(carry);
            *tj = v as u64;
            carry = (v >> 64) as u64;
        }
        let v = u128::from(t_top) + u128::from(carry);
        let (t_l, t_l1) = (v as u64, (v >> 64) as u64);

        let m = t[0].wrapping_mul(n0_inv);
        let v = u128::from(t[0]) + u128::from(m) * u128::from(n[0]);
        let mut carry = (v >> 64) as u64;
        for j in 1..L {
            let v = u128::from(t[j]) + u128::from(m) * u128::from(n[j]) + u128::from(carry);
            t[j - 1] = v as u64;
            carry = (v >> 64) as u64;
        }
        let v = u128::from(t_l) + u128::from(carry);
        t[L - 1] = v as u64;
        t_top = t_l1 + (v >> 64) as u64;
    }
    // t < 2n: one conditional subtraction.
    if t_top != 0 || !less_than(&t, n) {
        sub_in_place(&mut t, n);
    }
    t
}

/// Montgomery squaring by separated operand scanning: the full square (each cross product
/// once, doubled, plus the diagonal), then a word-by-word Montgomery reduction. `D` is
/// `2·L` (a const generic cannot be computed from another on stable Rust).
#[inline(always)]
fn mont_sqr_sos<const L: usize, const D: usize>(
    n: &[u64; L],
    n0_inv: u64,
    a: &[u64; L],
) -> [u64; L] {
    const { assert!(D == 2 * L) };
    let mut t = [0u64; D];
    // Cross products a[i]·a[j], i < j.
    for i in 0..L {
        let mut carry = 0u64;
        for j in i + 1..L {
            let v = u128::from(t[i + j]) + u128::from(a[i]) * u128::from(a[j]) + u128::from(carry);
            t[i + j] = v as u64;
            carry = (v >> 64) as u64;
        }
        t[i + L] = carry;
    }
    // Double them and add the squares a[i]².
    let mut shifted_out = 0u64;
    for limb in t.iter_mut() {
        let v = *limb;
        *limb = (v << 1) | shifted_out;
        shifted_out = v >> 63;
    }
    let mut carry = 0u64;
    for i in 0..L {
        let sq = u128::from(a[i]) * u128::from(a[i]);
        let v = u128::from(t[2 * i]) + u128::from(sq as u64) + u128::from(carry);
        t[2 * i] = v as u64;
        let v = u128::from(t[2 * i + 1]) + (sq >> 64) + (v >> 64);
        t[2 * i + 1] = v as u64;
        carry = (v >> 64) as u64;
    }
    // Montgomery reduction: add m·n·2^(64i) to clear limb i, for each low limb. Carries
    // out of the top limb are kept in `top` (the result is below 2n, so at most 1).
    let mut top = carry;
    for i in 0..L {
        let m = t[i].wrapping_mul(n0_inv);
        let mut carry = 0u64;
        for j in 0..L {
            let v = u128::from(t[i + j]) + u128::from(m) * u128::from(n[j]) + u128::from(carry);
            t[i + j] = v as u64;
            carry = (v >> 64) as u64;
        }
        for limb in t[i + L..].iter_mut() {
            if carry == 0 {
                break;
            }
            let (v, c) = limb.overflowing_add(carry);
            *limb = v;
            carry = u64::from(c);
        }
        top += carry;
    }
    let mut result = [0u64; L];
    result.copy_from_slice(&t[L..]);
    if top != 0 || !less_than(&result, n) {
        sub_in_place(&mut result, n);
    }
    result
}

/// -n0^-1 mod 2^64 by Newton iteration (each step doubles the correct low bits).
pub(crate) const fn neg_inverse_mod_2_64(n0: u64) -> u64 {
    let mut inv = 1u64;
    let mut i = 0;
    while i < 6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
        i += 1;
    }
    inv.wrapping_neg()
}

/// Big-endian bytes into little-endian limbs; returns the number of limbs used.
fn from_be_bytes(bytes: &[u8], out: &mut [u64; MAX_LIMBS]) -> Option<usize> {
    let limbs = bytes.len().div_ceil(8);
    if limbs > MAX_LIMBS {
        return None;
    }
    for (i, chunk) in bytes.rchunks(8).enumerate() {
        out[i] = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    }
    Some(limbs)
}

/// Little-endian limbs into exactly `out.len()` big-endian bytes (high limbs truncated).
fn to_be_bytes(limbs: &[u64], out: &mut [u8]) {
    let len = out.len();
    for (i, byte) in out.iter_mut().enumerate() {
        let pos = len - 1 - i;
        *byte = limbs
            .get(pos / 8)
            .map_or(0, |l| (l >> (8 * (pos % 8))) as u8);
    }
}

pub(crate) fn less_than(a: &[u64], b: &[u64]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

/// `a -= b`, returning the final borrow.
pub(crate) fn sub_in_place(a: &mut [u64], b: &[u64]) -> bool {
    let mut borrow = 0u64;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(borrow);
        *x = d2;
        borrow = u64::from(b1 | b2);
    }
    borrow != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small-number cross-check against u128 arithmetic.
    #[test]
    fn matches_u128_modexp_on_small_moduli() {
        for (n, s, e) in [
            (0xffff_fffb_u64, 12345u64, 65537u64),
            (0x0000_000d_eadb_eef1, 7, 3),
            (1_000_003, 999_999, 17),
            // e = 1 and even exponents take the multiply-by-1 exit; odd ones above (and 5)
            // the multiply-by-plain-s exit.
            (1_000_003, 999_999, 1),
            (1_000_003, 999_999, 2),
            (0xffff_fffb_u64, 12345u64, 6),
            (0xffff_fffb_u64, 12345u64, 64),
            (0x0000_000d_eadb_eef1, 7, 5),
        ] {
            let modulus = n.to_be_bytes();
            let modulus = &modulus[modulus.iter().position(|b| *b != 0).unwrap()..];
            let m = MontModulus::new(modulus).unwrap();
            let mut sig = [0u8; 8];
            sig.copy_from_slice(&s.to_be_bytes());
            let sig = &sig[8 - m.byte_len()..];
            let mut out = [0u8; MAX_BYTES];
            m.public_op(sig, &e.to_be_bytes(), &mut out).unwrap();
            let mut expect = 1u128;
            for _ in 0..e {
                expect = expect * u128::from(s) % u128::from(n);
            }
            let got = out[..m.byte_len()]
                .iter()
                .fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
            assert_eq!(got, expect, "n={n:#x}");
        }
    }
}

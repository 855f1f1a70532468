//! The table model: algorithms, selectors, dated phases, rules and tables.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use core::fmt;

use super::date::Date;
pub use crate::{AlgorithmFamily, Verdict};
use crate::{
    HashAlgorithm, MlDsaParameterSet, NamedCurve, PublicKeyInfo, SignatureScheme,
    SignatureVerificationAlgorithm,
};

/// A named key parameter set: an elliptic curve or an ML-DSA parameter set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ParameterSet {
    /// NIST P-224 (secp224r1).
    P224,
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// brainpoolP256r1 (RFC 5639).
    BrainpoolP256r1,
    /// brainpoolP384r1 (RFC 5639).
    BrainpoolP384r1,
    /// brainpoolP512r1 (RFC 5639).
    BrainpoolP512r1,
    /// Ed25519 (RFC 8032).
    Ed25519,
    /// Ed448 (RFC 8032).
    Ed448,
    /// ML-DSA-44 (FIPS 204, security category 2).
    MlDsa44,
    /// ML-DSA-65 (FIPS 204, security category 3).
    MlDsa65,
    /// ML-DSA-87 (FIPS 204, security category 5).
    MlDsa87,
}

impl ParameterSet {
    /// Every parameter set known to the tables.
    pub const ALL: [ParameterSet; 12] = [
        ParameterSet::P224,
        ParameterSet::P256,
        ParameterSet::P384,
        ParameterSet::P521,
        ParameterSet::BrainpoolP256r1,
        ParameterSet::BrainpoolP384r1,
        ParameterSet::BrainpoolP512r1,
        ParameterSet::Ed25519,
        ParameterSet::Ed448,
        ParameterSet::MlDsa44,
        ParameterSet::MlDsa65,
        ParameterSet::MlDsa87,
    ];

    /// The name used in table files and output, e.g. `P-384`, `Ed25519`, `ML-DSA-65`.
    pub const fn name(self) -> &'static str {
        match self {
            ParameterSet::P224 => "P-224",
            ParameterSet::P256 => "P-256",
            ParameterSet::P384 => "P-384",
            ParameterSet::P521 => "P-521",
            ParameterSet::BrainpoolP256r1 => "brainpoolP256r1",
            ParameterSet::BrainpoolP384r1 => "brainpoolP384r1",
            ParameterSet::BrainpoolP512r1 => "brainpoolP512r1",
            ParameterSet::Ed25519 => "Ed25519",
            ParameterSet::Ed448 => "Ed448",
            ParameterSet::MlDsa44 => "ML-DSA-44",
            ParameterSet::MlDsa65 => "ML-DSA-65",
            ParameterSet::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The family whose keys use this parameter set.
    pub const fn family(self) -> AlgorithmFamily {
        match self {
            ParameterSet::P224
            | ParameterSet::P256
            | ParameterSet::P384
            | ParameterSet::P521
            | ParameterSet::BrainpoolP256r1
            | ParameterSet::BrainpoolP384r1
            | ParameterSet::BrainpoolP512r1 => AlgorithmFamily::Ecdsa,
            ParameterSet::Ed25519 | ParameterSet::Ed448 => AlgorithmFamily::EdDsa,
            ParameterSet::MlDsa44 | ParameterSet::MlDsa65 | ParameterSet::MlDsa87 => {
                AlgorithmFamily::MlDsa
            }
        }
    }

    /// The parameter set with this name (ASCII case-insensitive; `secp256r1`,
    /// `prime256v1`, `secp384r1` and `secp521r1` are accepted as aliases).
    pub fn from_name(name: &str) -> Option<ParameterSet> {
        let alias = match name.to_ascii_lowercase().as_str() {
            "secp224r1" => Some(ParameterSet::P224),
            "secp256r1" | "prime256v1" => Some(ParameterSet::P256),
            "secp384r1" => Some(ParameterSet::P384),
            "secp521r1" => Some(ParameterSet::P521),
            _ => None,
        };
        alias.or_else(|| {
            ParameterSet::ALL
                .into_iter()
                .find(|p| p.name().eq_ignore_ascii_case(name))
        })
    }
}

impl From<NamedCurve> for ParameterSet {
    fn from(curve: NamedCurve) -> ParameterSet {
        match curve {
            NamedCurve::P256 => ParameterSet::P256,
            NamedCurve::P384 => ParameterSet::P384,
        }
    }
}

impl From<MlDsaParameterSet> for ParameterSet {
    fn from(set: MlDsaParameterSet) -> ParameterSet {
        match set {
            MlDsaParameterSet::MlDsa44 => ParameterSet::MlDsa44,
            MlDsaParameterSet::MlDsa65 => ParameterSet::MlDsa65,
            MlDsaParameterSet::MlDsa87 => ParameterSet::MlDsa87,
        }
    }
}

impl fmt::Display for ParameterSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The strength-determining part of a key: an RSA modulus length or a named parameter set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyStrength {
    /// An RSA key.
    Rsa {
        /// Modulus length in bits.
        modulus_bits: u32,
    },
    /// A key on a named curve or ML-DSA parameter set.
    Named(ParameterSet),
}

impl KeyStrength {
    /// The family this key belongs to.
    pub const fn family(self) -> AlgorithmFamily {
        match self {
            KeyStrength::Rsa { .. } => AlgorithmFamily::Rsa,
            KeyStrength::Named(set) => set.family(),
        }
    }
}

impl fmt::Display for KeyStrength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyStrength::Rsa { modulus_bits } => write!(f, "RSA-{modulus_bits}"),
            KeyStrength::Named(set) if set.family() == AlgorithmFamily::Ecdsa => {
                write!(f, "ECDSA {set}")
            }
            KeyStrength::Named(set) => f.write_str(set.name()),
        }
    }
}

/// What a sunset table needs to know about a signature: the key and the hash.
///
/// ```
/// use jpki_verify::HashAlgorithm;
/// use jpki_verify::policy::{AlgorithmDescriptor, ParameterSet};
/// let rsa = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha256);
/// let ec = AlgorithmDescriptor::named(ParameterSet::P384, Some(HashAlgorithm::Sha384));
/// assert_eq!(rsa.to_string(), "RSA-2048 with SHA-256");
/// assert_eq!(ec.to_string(), "ECDSA P-384 with SHA-384");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AlgorithmDescriptor {
    /// The signer's key.
    pub key: KeyStrength,
    /// The message hash; `None` for schemes whose hash is internal (pure EdDSA, ML-DSA).
    pub hash: Option<HashAlgorithm>,
}

impl AlgorithmDescriptor {
    /// An RSA signature (PKCS#1 v1.5 or PSS) with a `modulus_bits` key.
    pub const fn rsa(modulus_bits: u32, hash: HashAlgorithm) -> AlgorithmDescriptor {
        AlgorithmDescriptor {
            key: KeyStrength::Rsa { modulus_bits },
            hash: Some(hash),
        }
    }

    /// A signature with a key on a named parameter set (ECDSA curve, EdDSA curve, ML-DSA).
    pub const fn named(set: ParameterSet, hash: Option<HashAlgorithm>) -> AlgorithmDescriptor {
        AlgorithmDescriptor {
            key: KeyStrength::Named(set),
            hash,
        }
    }

    /// The descriptor of a signature made with `scheme` and `hash` under `key`, or `None`
    /// when the scheme and the key disagree (an ECDSA scheme with an RSA key, or curves that
    /// differ).
    pub fn from_scheme(
        scheme: SignatureScheme,
        hash: Option<HashAlgorithm>,
        key: PublicKeyInfo,
    ) -> Option<AlgorithmDescriptor> {
        match (scheme, key, hash) {
            (
                SignatureScheme::RsaPkcs1v15 | SignatureScheme::RsaPss,
                PublicKeyInfo::Rsa { modulus_bits },
                Some(hash),
            ) => Some(AlgorithmDescriptor::rsa(modulus_bits, hash)),
            (SignatureScheme::Ecdsa { curve, .. }, PublicKeyInfo::Ec { curve: key_curve }, _)
                if curve == key_curve =>
            {
                Some(AlgorithmDescriptor::named(curve.into(), hash))
            }
            // Pure ML-DSA: the parameter set is the key's.
            (scheme, PublicKeyInfo::MlDsa { parameter_set }, None)
                if scheme.family() == AlgorithmFamily::MlDsa =>
            {
                Some(AlgorithmDescriptor::named(parameter_set.into(), None))
            }
            // Schemes and keys this crate does not define: no table rule can speak of them.
            _ => None,
        }
    }

    /// The descriptor for a signature verified by `algorithm` with `key` (for example the
    /// algorithm object returned by [`crate::Backend::verify_signed_data`] and
    /// [`PublicKeyInfo::from_spki`] of the signer's key).
    pub fn from_algorithm(
        algorithm: &dyn SignatureVerificationAlgorithm,
        key: PublicKeyInfo,
    ) -> Option<AlgorithmDescriptor> {
        AlgorithmDescriptor::from_scheme(algorithm.scheme(), algorithm.hash(), key)
    }

    /// The key's family.
    pub const fn family(&self) -> AlgorithmFamily {
        self.key.family()
    }
}

impl fmt::Display for AlgorithmDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.hash {
            Some(hash) => write!(f, "{} with {}", self.key, hash.name()),
            None => write!(f, "{}", self.key),
        }
    }
}

/// What is done with a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Use {
    /// Creating a signature: signing a document, issuing a certificate or a CRL.
    Create,
    /// Verifying an existing signature.
    Verify,
}

impl Use {
    /// `create` or `verify`.
    pub const fn id(self) -> &'static str {
        match self {
            Use::Create => "create",
            Use::Verify => "verify",
        }
    }
}

impl fmt::Display for Use {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which uses a rule governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UseSelector {
    /// Creating signatures only.
    Create,
    /// Verifying signatures only.
    Verify,
    /// Both, with the same dates.
    Both,
}

impl UseSelector {
    /// `create`, `verify` or `both`.
    pub const fn id(self) -> &'static str {
        match self {
            UseSelector::Create => "create",
            UseSelector::Verify => "verify",
            UseSelector::Both => "both",
        }
    }

    /// The selector with this id (ASCII case-insensitive).
    pub fn from_id(id: &str) -> Option<UseSelector> {
        [UseSelector::Create, UseSelector::Verify, UseSelector::Both]
            .into_iter()
            .find(|u| u.id().eq_ignore_ascii_case(id))
    }

    /// Whether `usage` is governed.
    pub const fn covers(self, usage: Use) -> bool {
        matches!(
            (self, usage),
            (UseSelector::Both, _)
                | (UseSelector::Create, Use::Create)
                | (UseSelector::Verify, Use::Verify)
        )
    }

    /// Whether some use is governed by both selectors.
    pub const fn overlaps(self, other: UseSelector) -> bool {
        (self.covers(Use::Create) && other.covers(Use::Create))
            || (self.covers(Use::Verify) && other.covers(Use::Verify))
    }

    /// The uses governed, in order.
    pub fn uses(self) -> impl Iterator<Item = Use> {
        [Use::Create, Use::Verify]
            .into_iter()
            .filter(move |u| self.covers(*u))
    }
}

/// The standing of an algorithm during one phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Acceptable (the sources' "acceptable", "recommended", "usable", 利用可).
    Acceptable,
    /// Deprecated: may still be used, but the risk is the user's (NIST's "deprecated").
    /// Accepted with a warning.
    Deprecated,
    /// Legacy use only: allowed for processing already-protected data, i.e. verifying
    /// existing signatures (NIST's "legacy use", CRYPTREC's 許容). Accepted with a warning.
    Legacy,
    /// Disallowed: rejected.
    Disallowed,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 4] = [
        Status::Acceptable,
        Status::Deprecated,
        Status::Legacy,
        Status::Disallowed,
    ];

    /// `acceptable`, `deprecated`, `legacy` or `disallowed`.
    pub const fn id(self) -> &'static str {
        match self {
            Status::Acceptable => "acceptable",
            Status::Deprecated => "deprecated",
            Status::Legacy => "legacy",
            Status::Disallowed => "disallowed",
        }
    }

    /// The status with this id (ASCII case-insensitive).
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(id))
    }

    /// The verdict this status gives.
    pub const fn verdict(self) -> Verdict {
        match self {
            Status::Acceptable => Verdict::Accept,
            Status::Deprecated | Status::Legacy => Verdict::AcceptWithWarning,
            Status::Disallowed => Verdict::Reject,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One dated phase of a rule: `status` holds from `from` through `until`, both inclusive.
///
/// `from: None` means "since the beginning of time", `until: None` "with no end". A valid
/// rule's phases are chronological and contiguous: the first has no `from`, the last no
/// `until`, and each `from` is the day after the previous `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Phase {
    /// The standing during this phase.
    pub status: Status,
    /// First day of the phase, inclusive; `None` for the first phase.
    pub from: Option<Date>,
    /// Last day of the phase, inclusive; `None` for the last phase.
    pub until: Option<Date>,
}

impl Phase {
    /// Whether `date` falls in this phase.
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.until) {
            (None, None) => write!(f, "{} at all times", self.status),
            (Some(from), None) => write!(f, "{} from {from}", self.status),
            (None, Some(until)) => write!(f, "{} until {until}", self.status),
            (Some(from), Some(until)) => write!(f, "{} from {from} until {until}", self.status),
        }
    }
}

/// Which keys a rule governs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StrengthSelector {
    /// Every key of the rule's family.
    Any,
    /// RSA keys whose modulus length is within the bounds (inclusive; `None` = unbounded).
    RsaBits {
        /// Smallest modulus length, in bits.
        min: Option<u32>,
        /// Largest modulus length, in bits.
        max: Option<u32>,
    },
    /// Keys whose security strength, by the table's [`Table::equivalence`], is within the
    /// bounds (inclusive; `None` = unbounded). Keys the equivalence does not rate are not
    /// selected.
    SecurityBits {
        /// Smallest security strength, in bits.
        min: Option<u16>,
        /// Largest security strength, in bits.
        max: Option<u16>,
    },
    /// Keys on one of these named curves or parameter sets.
    Named(Cow<'static, [ParameterSet]>),
}

impl StrengthSelector {
    fn matches(&self, key: KeyStrength, security_bits: Option<u16>) -> bool {
        match self {
            StrengthSelector::Any => true,
            StrengthSelector::RsaBits { min, max } => match key {
                KeyStrength::Rsa { modulus_bits } => in_range(modulus_bits, *min, *max),
                KeyStrength::Named(_) => false,
            },
            StrengthSelector::SecurityBits { min, max } => {
                security_bits.is_some_and(|bits| in_range(bits, *min, *max))
            }
            StrengthSelector::Named(sets) => match key {
                KeyStrength::Named(set) => sets.contains(&set),
                KeyStrength::Rsa { .. } => false,
            },
        }
    }
}

fn in_range<T: PartialOrd + Copy>(value: T, min: Option<T>, max: Option<T>) -> bool {
    min.is_none_or(|min| min <= value) && max.is_none_or(|max| value <= max)
}

fn fmt_range<T: fmt::Display + PartialEq>(
    f: &mut fmt::Formatter<'_>,
    unit: &str,
    min: &Option<T>,
    max: &Option<T>,
) -> fmt::Result {
    match (min, max) {
        (None, None) => write!(f, "any {unit}"),
        (Some(min), None) => write!(f, "{unit} >= {min}"),
        (None, Some(max)) => write!(f, "{unit} <= {max}"),
        (Some(min), Some(max)) if min == max => write!(f, "{unit} = {min}"),
        (Some(min), Some(max)) => write!(f, "{unit} {min}..={max}"),
    }
}

impl fmt::Display for StrengthSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrengthSelector::Any => f.write_str("any strength"),
            StrengthSelector::RsaBits { min, max } => fmt_range(f, "RSA bits", min, max),
            StrengthSelector::SecurityBits { min, max } => fmt_range(f, "security bits", min, max),
            StrengthSelector::Named(sets) => {
                for (i, set) in sets.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(set.name())?;
                }
                Ok(())
            }
        }
    }
}

/// Which message hashes a rule governs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashSelector {
    /// Every hash, and schemes without a separate hash. A rule with this selector
    /// constrains the key, and counts towards coverage (see [`Table::evaluate`]).
    Any,
    /// Only signatures using one of these hashes: a hash constraint layered over the key
    /// rules.
    Only(Cow<'static, [HashAlgorithm]>),
}

impl HashSelector {
    /// Whether a signature with this hash is governed.
    pub fn matches(&self, hash: Option<HashAlgorithm>) -> bool {
        match self {
            HashSelector::Any => true,
            HashSelector::Only(list) => hash.is_some_and(|h| list.contains(&h)),
        }
    }
}

impl fmt::Display for HashSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HashSelector::Any => f.write_str("any hash"),
            HashSelector::Only(list) => {
                for (i, hash) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(hash.name())?;
                }
                Ok(())
            }
        }
    }
}

/// The identifier of a hash in table files: `sha-1`, `sha-256`, `sha-384`, `sha-512`.
pub const fn hash_id(hash: HashAlgorithm) -> &'static str {
    match hash {
        HashAlgorithm::Sha1 => "sha-1",
        HashAlgorithm::Sha256 => "sha-256",
        HashAlgorithm::Sha384 => "sha-384",
        HashAlgorithm::Sha512 => "sha-512",
    }
}

/// The hash with this identifier (`sha-1`, `sha1`, `SHA-256`, ...; ASCII case-insensitive).
pub fn hash_from_id(id: &str) -> Option<HashAlgorithm> {
    let lower = id.to_ascii_lowercase();
    [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
    ]
    .into_iter()
    .find(|h| {
        let canonical = hash_id(*h);
        lower == canonical || lower == canonical.replace('-', "")
    })
}

/// One rule: for signatures of a family, strength and hash, in one or both uses, the dated
/// phases, with the source that states them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Identifier, unique within the table (e.g. `rsa-112-create`).
    pub id: Cow<'static, str>,
    /// The family governed; `None` for every family.
    pub family: Option<AlgorithmFamily>,
    /// The keys governed.
    pub strength: StrengthSelector,
    /// The hashes governed.
    pub hash: HashSelector,
    /// The uses governed.
    pub applies_to: UseSelector,
    /// The dated phases, chronological and covering all time.
    pub phases: Cow<'static, [Phase]>,
    /// Where the source states it: document, section or table.
    pub citation: Cow<'static, str>,
    /// Reading notes: ambiguities in the source and the choices made (may be empty).
    pub note: Cow<'static, str>,
}

impl Rule {
    /// Whether this rule governs `algorithm` in `usage`, given the key's security strength
    /// under the table's equivalence.
    pub fn matches(
        &self,
        algorithm: &AlgorithmDescriptor,
        usage: Use,
        security_bits: Option<u16>,
    ) -> bool {
        self.applies_to.covers(usage)
            && self.family.is_none_or(|f| f == algorithm.family())
            && self.strength.matches(algorithm.key, security_bits)
            && self.hash.matches(algorithm.hash)
    }

    /// Whether the rule constrains keys (its hash selector is [`HashSelector::Any`]), so
    /// that matching it makes an algorithm covered.
    pub fn constrains_key(&self) -> bool {
        self.hash == HashSelector::Any
    }

    /// The phase in force on `date`.
    pub fn phase_at(&self, date: Date) -> Option<&Phase> {
        self.phases.iter().find(|p| p.contains(date))
    }

    /// A short description of what the rule selects, e.g. `RSA, security bits = 112, any
    /// hash, create`.
    pub fn scope(&self) -> String {
        let family = self.family.map_or("any family", AlgorithmFamily::name);
        format!(
            "{family}, {}, {}, {}",
            self.strength,
            self.hash,
            self.applies_to.id()
        )
    }
}

/// One row of a table's security-strength equivalence: keys at least this strong are rated
/// `security_bits`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StrengthClass {
    /// The security strength, in bits (e.g. 112, 128, 192, 256).
    pub security_bits: u16,
    /// Smallest RSA modulus of this class, in bits (e.g. 2048 for 112); `None` when the
    /// source gives no RSA size for it.
    pub rsa_min_bits: Option<u32>,
    /// The named curves and parameter sets rated at exactly this strength.
    pub named: Cow<'static, [ParameterSet]>,
}

/// A named, versioned sunset table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Table {
    /// Short name, e.g. `cryptrec-ls0003` (lower-case ASCII letters, digits, `-`, `.`, `_`).
    pub name: Cow<'static, str>,
    /// Version of the source, e.g. `2022` or `2024-draft`.
    pub version: Cow<'static, str>,
    /// Human-readable title.
    pub title: Cow<'static, str>,
    /// The source document(s).
    pub source: Cow<'static, str>,
    /// What the table means and how it was read.
    pub description: Cow<'static, str>,
    /// Security-strength equivalence, weakest class first, used by
    /// [`StrengthSelector::SecurityBits`].
    pub equivalence: Cow<'static, [StrengthClass]>,
    /// The rules. Every rule that matches a signature applies; order does not matter.
    pub rules: Cow<'static, [Rule]>,
}

impl Table {
    /// `name@version`, e.g. `cryptrec-ls0003@2022`.
    pub fn qualified_name(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }

    /// The security strength of `key` under this table's equivalence: the strongest class
    /// whose RSA minimum the modulus reaches, or the class naming the parameter set. `None`
    /// when the equivalence does not rate the key (an RSA modulus below every class, or a
    /// parameter set it does not list).
    pub fn security_bits(&self, key: KeyStrength) -> Option<u16> {
        match key {
            KeyStrength::Rsa { modulus_bits } => self
                .equivalence
                .iter()
                .filter(|c| c.rsa_min_bits.is_some_and(|min| min <= modulus_bits))
                .map(|c| c.security_bits)
                .max(),
            KeyStrength::Named(set) => self
                .equivalence
                .iter()
                .find(|c| c.named.contains(&set))
                .map(|c| c.security_bits),
        }
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The rules that govern `algorithm` in `usage`.
    pub fn matching_rules<'t>(
        &'t self,
        algorithm: &'t AlgorithmDescriptor,
        usage: Use,
    ) -> impl Iterator<Item = &'t Rule> + 't {
        let bits = self.security_bits(algorithm.key);
        self.rules
            .iter()
            .filter(move |r| r.matches(algorithm, usage, bits))
    }
}

//! The built-in tables, as constant data.
//!
//! Every date comes from `docs/policy.md`'s sources (CRYPTREC LS-0003, NIST SP 800-131A
//! Rev. 2 and the Rev. 3 draft, NIST IR 8547 draft, BSI TR-02102-1); where a source is
//! ambiguous or silent, the rule's `note` says what was chosen.

use alloc::borrow::Cow;

use super::date::Date;
use super::model::{
    AlgorithmFamily, HashSelector, ParameterSet, Phase, Rule, Status, StrengthClass,
    StrengthSelector, Table, UseSelector,
};
use crate::HashAlgorithm;

const fn d(year: u16, month: u8, day: u8) -> Date {
    Date::ymd(year, month, day)
}

const fn always(status: Status) -> Phase {
    Phase {
        status,
        from: None,
        until: None,
    }
}

const fn until(status: Status, until: Date) -> Phase {
    Phase {
        status,
        from: None,
        until: Some(until),
    }
}

const fn between(status: Status, from: Date, until: Date) -> Phase {
    Phase {
        status,
        from: Some(from),
        until: Some(until),
    }
}

const fn from(status: Status, from: Date) -> Phase {
    Phase {
        status,
        from: Some(from),
        until: None,
    }
}

#[allow(clippy::too_many_arguments)]
const fn rule(
    id: &'static str,
    family: Option<AlgorithmFamily>,
    strength: StrengthSelector,
    hash: HashSelector,
    applies_to: UseSelector,
    phases: &'static [Phase],
    citation: &'static str,
    note: &'static str,
) -> Rule {
    Rule {
        id: Cow::Borrowed(id),
        family,
        strength,
        hash,
        applies_to,
        phases: Cow::Borrowed(phases),
        citation: Cow::Borrowed(citation),
        note: Cow::Borrowed(note),
    }
}

const fn security(min: Option<u16>, max: Option<u16>) -> StrengthSelector {
    StrengthSelector::SecurityBits { min, max }
}

const fn rsa_bits(min: Option<u32>, max: Option<u32>) -> StrengthSelector {
    StrengthSelector::RsaBits { min, max }
}

const fn named(sets: &'static [ParameterSet]) -> StrengthSelector {
    StrengthSelector::Named(Cow::Borrowed(sets))
}

const fn class(
    security_bits: u16,
    rsa_min_bits: Option<u32>,
    named: &'static [ParameterSet],
) -> StrengthClass {
    StrengthClass {
        security_bits,
        rsa_min_bits,
        named: Cow::Borrowed(named),
    }
}

const SHA1: HashSelector = HashSelector::Only(Cow::Borrowed(&[HashAlgorithm::Sha1]));
const ANY_HASH: HashSelector = HashSelector::Any;
const RSA: Option<AlgorithmFamily> = Some(AlgorithmFamily::Rsa);
const ECDSA: Option<AlgorithmFamily> = Some(AlgorithmFamily::Ecdsa);
const EDDSA: Option<AlgorithmFamily> = Some(AlgorithmFamily::EdDsa);
const ML_DSA: Option<AlgorithmFamily> = Some(AlgorithmFamily::MlDsa);
const ANY_FAMILY: Option<AlgorithmFamily> = None;

use ParameterSet::*;
use Status::*;

// ---------------------------------------------------------------------------------------
// Security-strength equivalences.

/// CRYPTREC LS-0003 and NIST SP 800-57 Part 1 Rev. 5 Table 2 agree on RSA and ECC sizes:
/// 80 bits = RSA-1024; 112 = RSA-2048, 224-bit curves; 128 = RSA-3072, 256-bit curves;
/// 192 = RSA-7680, 384-bit curves; 256 = RSA-15360, 512-bit and larger curves.
const PKC_EQUIVALENCE: &[StrengthClass] = &[
    class(80, Some(1024), &[]),
    class(112, Some(2048), &[P224]),
    class(128, Some(3072), &[P256]),
    class(192, Some(7680), &[P384]),
    class(256, Some(15360), &[P521]),
];

/// As [`PKC_EQUIVALENCE`], plus the FIPS 186-5 EdDSA curves (Ed25519 128 bits, Ed448 224
/// bits) and the FIPS 204 ML-DSA parameter sets (security categories 2, 3, 5 rated 128,
/// 192, 256 bits), for the NIST documents that cover them.
const NIST_2024_EQUIVALENCE: &[StrengthClass] = &[
    class(80, Some(1024), &[]),
    class(112, Some(2048), &[P224]),
    class(128, Some(3072), &[P256, Ed25519, MlDsa44]),
    class(192, Some(7680), &[P384, MlDsa65]),
    class(224, None, &[Ed448]),
    class(256, Some(15360), &[P521, MlDsa87]),
];

// ---------------------------------------------------------------------------------------
// CRYPTREC LS-0003.

const CRYPTREC_CITE_112: &str =
    "CRYPTREC LS-0003-2022, security-strength requirement periods, 112-bit row";
const CRYPTREC_CITE_128: &str =
    "CRYPTREC LS-0003-2022, security-strength requirement periods, 128-bit row";
const CRYPTREC_CITE_192: &str =
    "CRYPTREC LS-0003-2022, security-strength requirement periods, 192-bit and 256-bit rows";

const CRYPTREC_RULES: &[Rule] = &[
    rule(
        "below-112-create",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Create,
        &[always(Disallowed)],
        "CRYPTREC LS-0003-2022: 112 bits is the minimum security strength for new use",
        "80-bit keys (RSA-1024) finished their transition before this edition; their historic \
         acceptability is not modelled: creation is disallowed at all dates.",
    ),
    rule(
        "below-112-verify",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Verify,
        &[always(Legacy)],
        "CRYPTREC LS-0003-2022: processing of existing protected data below the current minimum is tolerated",
        "Choice: the edition's split between new use and processing existing data (stated for \
         112 bits after 2030) is applied to 80-bit keys too: verification is legacy.",
    ),
    rule(
        "112-create",
        ANY_FAMILY,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Create,
        &[
            until(Acceptable, d(2030, 12, 31)),
            from(Disallowed, d(2031, 1, 1)),
        ],
        CRYPTREC_CITE_112,
        "2022-2030 is labelled the transition-completion period (移行完了期限) for new use; it \
         is read as acceptable, since RSA-2048 stays a recommended cipher through 2030. From \
         2031 new signatures and certificates at 112 bits are not allowed.",
    ),
    rule(
        "112-verify",
        ANY_FAMILY,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Verify,
        &[
            until(Acceptable, d(2030, 12, 31)),
            from(Legacy, d(2031, 1, 1)),
        ],
        CRYPTREC_CITE_112,
        "After 2030, processing data protected earlier is tolerated (許容): verification is \
         legacy. The source gives no end to this: open-ended.",
    ),
    rule(
        "128",
        ANY_FAMILY,
        security(Some(128), Some(128)),
        ANY_HASH,
        UseSelector::Both,
        &[
            until(Acceptable, d(2050, 12, 31)),
            from(Disallowed, d(2051, 1, 1)),
        ],
        CRYPTREC_CITE_128,
        "Usable through 2040; 2041-2050 is the transition-completion period, read as acceptable \
         (as 2022-2030 is for 112 bits); not allowed from 2051. The reference summary applies \
         2051 to both uses; whether processing is then tolerated, as for 112 bits after 2030, \
         could not be checked in the source's footnotes - split this rule if your regulator \
         tolerates it.",
    ),
    rule(
        "192-and-up",
        ANY_FAMILY,
        security(Some(192), None),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        CRYPTREC_CITE_192,
        "Usable through 2070, the end of the source's horizon; no later change is stated, so \
         the rule is open-ended.",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        &[always(Disallowed)],
        "CRYPTREC Ciphers List (SHA-1 on the monitored list, for compatibility only); \
         CRYPTREC LS-0003-2022 (112-bit minimum)",
        "LS-0003 rates key lengths, not hashes: this rule is the project's reading that a \
         signature is no stronger than its hash's collision resistance, which for SHA-1 is far \
         below 112 bits. Historic SHA-1 signatures are not modelled: disallowed at all dates.",
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        &[always(Legacy)],
        "CRYPTREC Ciphers List (SHA-1 on the monitored list, for compatibility only)",
        "Verifying existing SHA-1 signatures is tolerated as legacy, like 112 bits after 2030.",
    ),
];

/// CRYPTREC LS-0003 (2022 edition), the Japanese government's security-strength
/// requirements: 112 bits (RSA-2048) for new signatures through 2030, verification of
/// existing ones tolerated after; 128 bits through 2050; 192 bits and up open-ended.
pub static CRYPTREC_LS0003: Table = Table {
    name: Cow::Borrowed("cryptrec-ls0003"),
    version: Cow::Borrowed("2022"),
    title: Cow::Borrowed(
        "CRYPTREC LS-0003: security-strength requirements for selecting algorithms and key lengths \
         (暗号強度要件（アルゴリズム及び鍵長選択）に関する設定基準)",
    ),
    source: Cow::Borrowed("CRYPTREC LS-0003-2022 (March 2022); CRYPTREC Ciphers List"),
    description: Cow::Borrowed(
        "Security strength by the source's equivalence (RSA-2048 = 112 bits, RSA-3072 and P-256 = \
         128, P-384 = 192). New signatures (create) at 112 bits are allowed through 2030-12-31 \
         and disallowed from 2031-01-01; verifying existing ones is tolerated (legacy) after \
         2030. 128 bits is usable through 2050, 192 bits and up without end. SHA-1 is rejected \
         for new signatures. Only RSA and the NIST P-curves are rated: EdDSA, Brainpool and \
         ML-DSA are not covered (rejected).",
    ),
    equivalence: Cow::Borrowed(PKC_EQUIVALENCE),
    rules: Cow::Borrowed(CRYPTREC_RULES),
};

// ---------------------------------------------------------------------------------------
// NIST SP 800-131A Rev. 2.

const NIST_HISTORY_NOTE: &str = "Rev. 2 only says 'disallowed'; the 2011-2013 deprecation and the \
     2014-01-01 cut-off are Rev. 1's (section 3 / section 9), kept so that old signatures are \
     judged by the dates in force when they were made.";

const NIST_SHA1_CREATE_PHASES: &[Phase] = &[
    until(Acceptable, d(2010, 12, 31)),
    between(Deprecated, d(2011, 1, 1), d(2013, 12, 31)),
    from(Disallowed, d(2014, 1, 1)),
];
const NIST_LEGACY_VERIFY_PHASES: &[Phase] = &[
    until(Acceptable, d(2013, 12, 31)),
    from(Legacy, d(2014, 1, 1)),
];

const NIST_REV2_RULES: &[Rule] = &[
    rule(
        "below-112-create",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Create,
        NIST_SHA1_CREATE_PHASES,
        "NIST SP 800-131A Rev. 2, section 3, Table 2 (digital signatures): < 112 bits disallowed for generation",
        NIST_HISTORY_NOTE,
    ),
    rule(
        "below-112-verify",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Verify,
        NIST_LEGACY_VERIFY_PHASES,
        "NIST SP 800-131A Rev. 2, section 3, Table 2: < 112 bits legacy use for verification",
        NIST_HISTORY_NOTE,
    ),
    rule(
        "112-and-up",
        ANY_FAMILY,
        security(Some(112), None),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "NIST SP 800-131A Rev. 2, section 3, Table 2: >= 112 bits acceptable for generation and verification",
        "Rev. 2 sets no end for 112 bits; the Rev. 3 draft and IR 8547 do (separate tables).",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        NIST_SHA1_CREATE_PHASES,
        "NIST SP 800-131A Rev. 2, section 9 (hash functions): SHA-1 disallowed for digital signature generation",
        "The exception 'where specifically allowed by NIST protocol-specific guidance' is not \
         modelled. Dates before 2014 as in Rev. 1.",
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        NIST_LEGACY_VERIFY_PHASES,
        "NIST SP 800-131A Rev. 2, section 9: SHA-1 legacy use for digital signature verification",
        "",
    ),
];

/// NIST SP 800-131A Rev. 2 (March 2019): at least 112 bits to sign, below 112 bits and
/// SHA-1 only for verifying (legacy) since 2014.
pub static NIST_SP800_131A_REV2: Table = Table {
    name: Cow::Borrowed("nist-sp800-131a"),
    version: Cow::Borrowed("rev2"),
    title: Cow::Borrowed(
        "NIST SP 800-131A Rev. 2: Transitioning the Use of Cryptographic Algorithms and Key Lengths",
    ),
    source: Cow::Borrowed(
        "NIST SP 800-131A Rev. 2 (March 2019), with the Rev. 1 (2015) dates it carries forward; equivalence from SP 800-57 Part 1 Rev. 5 Table 2",
    ),
    description: Cow::Borrowed(
        "Signature generation needs at least 112 bits of security strength (RSA-2048, P-224) \
         and no SHA-1 (disallowed from 2014-01-01, deprecated 2011-2013); verification below 112 \
         bits or with SHA-1 is legacy use. No end date for 112 bits. RSA and ECDSA on NIST \
         curves only: EdDSA and ML-DSA post-date this revision and are not covered.",
    ),
    equivalence: Cow::Borrowed(PKC_EQUIVALENCE),
    rules: Cow::Borrowed(NIST_REV2_RULES),
};

// ---------------------------------------------------------------------------------------
// NIST SP 800-131A Rev. 3 initial public draft.

const NIST_REV3_RULES: &[Rule] = &[
    rule(
        "below-112-create",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Create,
        NIST_SHA1_CREATE_PHASES,
        "NIST SP 800-131A Rev. 3 ipd (October 2024), digital signatures: < 112 bits disallowed for generation",
        NIST_HISTORY_NOTE,
    ),
    rule(
        "below-112-verify",
        ANY_FAMILY,
        security(None, Some(111)),
        ANY_HASH,
        UseSelector::Verify,
        NIST_LEGACY_VERIFY_PHASES,
        "NIST SP 800-131A Rev. 3 ipd, digital signatures: < 112 bits legacy use for verification",
        NIST_HISTORY_NOTE,
    ),
    rule(
        "112-create",
        ANY_FAMILY,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Create,
        &[
            until(Acceptable, d(2030, 12, 31)),
            from(Deprecated, d(2031, 1, 1)),
        ],
        "NIST SP 800-131A Rev. 3 ipd: applying protection at 112 bits deprecated after 2030",
        "The draft deprecates (not disallows) 112-bit signature generation after 2030 and gives \
         no disallow date; NIST IR 8547's draft disallows it after 2035 (separate table). SP \
         800-57 Part 1 Rev. 5 Table 4 says 'disallowed' after 2030 instead: the draft's word \
         is used.",
    ),
    rule(
        "112-verify",
        ANY_FAMILY,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Verify,
        &[always(Acceptable)],
        "NIST SP 800-131A Rev. 3 ipd: processing (verification) at 112 bits not affected",
        "",
    ),
    rule(
        "128-and-up",
        ANY_FAMILY,
        security(Some(128), None),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "NIST SP 800-131A Rev. 3 ipd, digital signatures: >= 128 bits acceptable (RSA, ECDSA, EdDSA per FIPS 186-5; ML-DSA per FIPS 204)",
        "The quantum-driven end of RSA, ECDSA and EdDSA is in NIST IR 8547 (separate table).",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        NIST_SHA1_CREATE_PHASES,
        "NIST SP 800-131A Rev. 3 ipd, hash functions: SHA-1 disallowed for digital signature generation",
        "Dates before 2014 as in Rev. 1.",
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        &[
            until(Acceptable, d(2013, 12, 31)),
            between(Legacy, d(2014, 1, 1), d(2030, 12, 31)),
            from(Disallowed, d(2031, 1, 1)),
        ],
        "NIST SP 800-131A Rev. 3 ipd, hash functions: SHA-1 legacy use, to be retired by 2030-12-31",
        "Reading: the draft keeps Rev. 2's legacy use for verification and carries NIST's \
         December 2022 announcement that SHA-1 is retired for all uses after 2030-12-31. The \
         exact wording of the draft's SHA-1 row could not be checked: this choice is visible \
         here and in docs/policy.md.",
    ),
];

/// NIST SP 800-131A Rev. 3 initial public draft (October 2024): 112-bit signature
/// generation deprecated after 2030, verification unaffected; SHA-1 retired after 2030.
pub static NIST_SP800_131A_REV3_DRAFT: Table = Table {
    name: Cow::Borrowed("nist-sp800-131a"),
    version: Cow::Borrowed("rev3-draft"),
    title: Cow::Borrowed(
        "NIST SP 800-131A Rev. 3 (initial public draft): Transitioning the Use of Cryptographic Algorithms and Key Lengths",
    ),
    source: Cow::Borrowed(
        "NIST SP 800-131A Rev. 3 initial public draft (October 2024); equivalence from SP 800-57 Part 1 Rev. 5, FIPS 186-5 and FIPS 204",
    ),
    description: Cow::Borrowed(
        "A draft: 112-bit signature generation (RSA-2048, P-224) is deprecated after 2030 \
         (accepted with a warning from 2031-01-01), verification is not affected; 128 bits and \
         up acceptable, including EdDSA and ML-DSA. SHA-1 stays disallowed for generation and \
         legacy for verification until 2030, disallowed after.",
    ),
    equivalence: Cow::Borrowed(NIST_2024_EQUIVALENCE),
    rules: Cow::Borrowed(NIST_REV3_RULES),
};

// ---------------------------------------------------------------------------------------
// NIST IR 8547 initial public draft.

const IR8547_112_PHASES: &[Phase] = &[
    until(Acceptable, d(2030, 12, 31)),
    between(Deprecated, d(2031, 1, 1), d(2035, 12, 31)),
    from(Disallowed, d(2036, 1, 1)),
];
const IR8547_128_PHASES: &[Phase] = &[
    until(Acceptable, d(2035, 12, 31)),
    from(Disallowed, d(2036, 1, 1)),
];
const IR8547_CITE_112: &str = "NIST IR 8547 ipd (November 2024), section 4.1, Table 2 (digital signatures): 112 bits deprecated after 2030, disallowed after 2035";
const IR8547_CITE_128: &str = "NIST IR 8547 ipd (November 2024), section 4.1, Table 2 (digital signatures): >= 128 bits disallowed after 2035";
const IR8547_BOTH_USES: &str = "The draft does not separate generation from verification; its \
     dates are applied to both uses (choice). A verifier that must keep verifying older \
     signatures after 2035 needs a table with a legacy verification rule.";
const IR8547_SHA1_NOTE: &str = "IR 8547 is about quantum-vulnerable public-key algorithms and \
     leaves hash functions to SP 800-131A: the SHA-1 rules are carried over from SP 800-131A \
     Rev. 2 so that this table can be used alone.";

const IR8547_RULES: &[Rule] = &[
    rule(
        "rsa-112",
        RSA,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Both,
        IR8547_112_PHASES,
        IR8547_CITE_112,
        IR8547_BOTH_USES,
    ),
    rule(
        "rsa-128-and-up",
        RSA,
        security(Some(128), None),
        ANY_HASH,
        UseSelector::Both,
        IR8547_128_PHASES,
        IR8547_CITE_128,
        IR8547_BOTH_USES,
    ),
    rule(
        "ecdsa-112",
        ECDSA,
        security(Some(112), Some(112)),
        ANY_HASH,
        UseSelector::Both,
        IR8547_112_PHASES,
        IR8547_CITE_112,
        IR8547_BOTH_USES,
    ),
    rule(
        "ecdsa-128-and-up",
        ECDSA,
        security(Some(128), None),
        ANY_HASH,
        UseSelector::Both,
        IR8547_128_PHASES,
        IR8547_CITE_128,
        IR8547_BOTH_USES,
    ),
    rule(
        "eddsa-128-and-up",
        EDDSA,
        security(Some(128), None),
        ANY_HASH,
        UseSelector::Both,
        IR8547_128_PHASES,
        IR8547_CITE_128,
        IR8547_BOTH_USES,
    ),
    rule(
        "ml-dsa",
        ML_DSA,
        StrengthSelector::Any,
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "NIST IR 8547 ipd, section 4 (the quantum-resistant replacements: FIPS 204 ML-DSA)",
        "",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        NIST_SHA1_CREATE_PHASES,
        "NIST SP 800-131A Rev. 2, section 9 (left in force by IR 8547): SHA-1 disallowed for signature generation",
        IR8547_SHA1_NOTE,
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        NIST_LEGACY_VERIFY_PHASES,
        "NIST SP 800-131A Rev. 2, section 9 (left in force by IR 8547): SHA-1 legacy use for verification",
        IR8547_SHA1_NOTE,
    ),
];

/// NIST IR 8547 initial public draft (November 2024): RSA and ECDSA at 112 bits deprecated
/// after 2030 and disallowed after 2035; RSA, ECDSA and EdDSA at 128 bits and up
/// disallowed after 2035; ML-DSA acceptable.
pub static NIST_IR8547_DRAFT: Table = Table {
    name: Cow::Borrowed("nist-ir8547"),
    version: Cow::Borrowed("2024-draft"),
    title: Cow::Borrowed(
        "NIST IR 8547 (initial public draft): Transition to Post-Quantum Cryptography Standards",
    ),
    source: Cow::Borrowed(
        "NIST IR 8547 initial public draft (November 2024); SHA-1 rules from NIST SP 800-131A Rev. 2",
    ),
    description: Cow::Borrowed(
        "Quantum-vulnerable signatures: RSA and ECDSA at 112 bits deprecated from 2031-01-01 and \
         disallowed from 2036-01-01; RSA, ECDSA and EdDSA at 128 bits and up disallowed from \
         2036-01-01; ML-DSA acceptable. Dates apply to creating and verifying alike. Keys below \
         112 bits are not covered (rejected).",
    ),
    equivalence: Cow::Borrowed(NIST_2024_EQUIVALENCE),
    rules: Cow::Borrowed(IR8547_RULES),
};

// ---------------------------------------------------------------------------------------
// BSI TR-02102-1.

const BSI_RULES: &[Rule] = &[
    rule(
        "rsa-below-2000",
        RSA,
        rsa_bits(None, Some(1999)),
        ANY_HASH,
        UseSelector::Both,
        &[always(Disallowed)],
        "BSI TR-02102-1 (2024-01), RSA signatures: key length at least 2000 bits (until 2023), 3000 bits from 2024",
        "Not conformant in any period this table covers; BSI states no legacy allowance for \
         verification, so both uses are disallowed (choice).",
    ),
    rule(
        "rsa-2000-2999-create",
        RSA,
        rsa_bits(Some(2000), Some(2999)),
        ANY_HASH,
        UseSelector::Create,
        &[
            until(Acceptable, d(2023, 12, 31)),
            from(Disallowed, d(2024, 1, 1)),
        ],
        "BSI TR-02102-1 (2024-01), RSA signatures: moduli below 3000 bits conformant only until the end of 2023",
        "",
    ),
    rule(
        "rsa-2000-2999-verify",
        RSA,
        rsa_bits(Some(2000), Some(2999)),
        ANY_HASH,
        UseSelector::Verify,
        &[
            until(Acceptable, d(2023, 12, 31)),
            from(Legacy, d(2024, 1, 1)),
        ],
        "BSI TR-02102-1 (2024-01), RSA signatures (read for existing signatures)",
        "TR-02102-1 addresses new systems; verifying signatures made while they were conformant \
         is the project's reading (legacy, with a warning). For qualified electronic \
         signatures the Bundesnetzagentur catalogue (September 2024, SOG-IS) ends the \
         suitability of RSA 1900-2999 bits on 2025-12-31: not modelled here.",
    ),
    rule(
        "rsa-3000-and-up",
        RSA,
        rsa_bits(Some(3000), None),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "BSI TR-02102-1 (2024-01), RSA signatures: at least 3000 bits from 2024",
        "BSI's forecast runs to '2030+'; no end is stated, so the rule is open-ended.",
    ),
    rule(
        "ecdsa-250-and-up",
        ECDSA,
        named(&[
            P256,
            P384,
            P521,
            BrainpoolP256r1,
            BrainpoolP384r1,
            BrainpoolP512r1,
        ]),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "BSI TR-02102-1 (2024-01), ECDSA: curves of at least 250 bits (Brainpool curves recommended; NIST curves suitable)",
        "BSI's forecast runs to '2030+'; no end is stated, so the rule is open-ended.",
    ),
    rule(
        "ecdsa-below-250",
        ECDSA,
        named(&[P224]),
        ANY_HASH,
        UseSelector::Both,
        &[always(Disallowed)],
        "BSI TR-02102-1 (2024-01), ECDSA: curves of at least 250 bits",
        "No legacy allowance is stated: both uses disallowed (choice).",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        &[always(Disallowed)],
        "BSI TR-02102-1 (2024-01), hash functions: SHA-1 not suitable for signatures (SHA-2 and SHA-3 recommended)",
        "",
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        &[always(Legacy)],
        "BSI TR-02102-1 (2024-01), hash functions (read for existing signatures)",
        "Verifying existing SHA-1 signatures as legacy is the project's reading; BSI does not \
         address it.",
    ),
];

/// BSI TR-02102-1 (2024-01): RSA below 3000 bits conformant for new signatures only until
/// the end of 2023; ECDSA on curves of 250 bits and up; no SHA-1.
pub static BSI_TR_02102_1: Table = Table {
    name: Cow::Borrowed("bsi-tr-02102-1"),
    version: Cow::Borrowed("2024"),
    title: Cow::Borrowed(
        "BSI TR-02102-1: Cryptographic Mechanisms: Recommendations and Key Lengths",
    ),
    source: Cow::Borrowed("BSI TR-02102-1, version 2024-01"),
    description: Cow::Borrowed(
        "The strictest table: new RSA signatures need 3000-bit moduli from 2024-01-01 (RSA-2048 \
         create rejected from then; verification legacy); ECDSA on P-256/P-384/P-521 and the \
         Brainpool curves acceptable; SHA-1 rejected for new signatures. Keys are selected by \
         size, not by a security-strength equivalence. EdDSA and ML-DSA are not covered.",
    ),
    equivalence: Cow::Borrowed(&[]),
    rules: Cow::Borrowed(BSI_RULES),
};

// ---------------------------------------------------------------------------------------
// The project's recommended profile for JPKI verifiers.

const JPKI_RULES: &[Rule] = &[
    rule(
        "rsa-below-2048",
        RSA,
        rsa_bits(None, Some(2047)),
        ANY_HASH,
        UseSelector::Both,
        &[always(Disallowed)],
        "jpki-verify profile: JPKI keys are RSA-2048 (J-LIS certificate profile)",
        "Smaller RSA keys are not JPKI keys; rejected for both uses.",
    ),
    rule(
        "rsa-2048-create",
        RSA,
        rsa_bits(Some(2048), Some(3071)),
        ANY_HASH,
        UseSelector::Create,
        &[
            until(Acceptable, d(2030, 12, 31)),
            from(Disallowed, d(2031, 1, 1)),
        ],
        "CRYPTREC LS-0003-2022, 112-bit row: RSA-2048 a recommended cipher through 2030",
        "No new RSA-2048 signature or certificate after 2030-12-31.",
    ),
    rule(
        "rsa-2048-verify",
        RSA,
        rsa_bits(Some(2048), Some(3071)),
        ANY_HASH,
        UseSelector::Verify,
        &[
            until(Acceptable, d(2030, 12, 31)),
            from(Legacy, d(2031, 1, 1)),
        ],
        "CRYPTREC LS-0003-2022, 112-bit row: processing existing data tolerated after 2030",
        "RSA-2048 documents signed up to the end of 2030 stay verifiable as legacy until their \
         certificate expires: a signature made - or of unknown date - after 2030 is rejected by \
         `rsa-2048-create` (see Table::evaluate_document), and the certificate's expiry is \
         enforced by path validation, not by this table, so the legacy phase has no end here.",
    ),
    rule(
        "128",
        ANY_FAMILY,
        security(Some(128), Some(128)),
        ANY_HASH,
        UseSelector::Both,
        &[
            until(Acceptable, d(2050, 12, 31)),
            from(Disallowed, d(2051, 1, 1)),
        ],
        "CRYPTREC LS-0003-2022, 128-bit row",
        "Not used by JPKI; CRYPTREC's dates (RSA-3072, P-256).",
    ),
    rule(
        "ecdsa-p384",
        ECDSA,
        named(&[P384]),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "JPKI next-generation card (task force final report, secondary summary: ECDSA 384-bit with SHA-384 from FY2028); CRYPTREC LS-0003-2022, 192-bit row",
        "The curve name P-384 is unconfirmed in the available sources; if another 384-bit curve \
         is chosen, add it here. The Cabinet Secretariat's 2035 post-quantum target is not a \
         rule of this profile: see nist-ir8547@2024-draft for the 2035 exposure.",
    ),
    rule(
        "192-and-up",
        ANY_FAMILY,
        security(Some(192), None),
        ANY_HASH,
        UseSelector::Both,
        &[always(Acceptable)],
        "CRYPTREC LS-0003-2022, 192-bit and 256-bit rows",
        "Usable through 2070 per CRYPTREC; open-ended here.",
    ),
    rule(
        "sha1-create",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Create,
        &[
            until(Deprecated, d(2013, 12, 31)),
            from(Disallowed, d(2014, 1, 1)),
        ],
        "NIST SP 800-131A Rev. 1/Rev. 2 (SHA-1 signature generation disallowed after 2013), adopted by this profile",
        "SHA-1 is rejected for new signatures. Old SHA-1 JPKI signatures made before 2014 are \
         judged deprecated (accepted with a warning), so archives stay verifiable. Japan's 2008 \
         government guideline for migrating from SHA-1 and RSA-1024 set a similar horizon \
         (date unconfirmed): the NIST date is used.",
    ),
    rule(
        "sha1-verify",
        ANY_FAMILY,
        StrengthSelector::Any,
        SHA1,
        UseSelector::Verify,
        &[always(Legacy)],
        "NIST SP 800-131A Rev. 2, section 9 (SHA-1 legacy use for verification), adopted by this profile",
        "",
    ),
];

/// The project's recommended reading for JPKI verifiers: CRYPTREC's dates for RSA-2048
/// (create through 2030, verify as legacy after), ECDSA P-384 accepted, SHA-1 rejected
/// for new signatures.
pub static JPKI_MIGRATION: Table = Table {
    name: Cow::Borrowed("jpki-migration"),
    version: Cow::Borrowed("2025"),
    title: Cow::Borrowed(
        "jpki-verify's recommended reading for JPKI verifiers across the RSA-2048 -> ECDSA P-384 migration",
    ),
    source: Cow::Borrowed(
        "CRYPTREC LS-0003-2022 (dates), NIST SP 800-131A (SHA-1), the JPKI task force's plan for the next-generation card (ECDSA 384-bit from FY2028)",
    ),
    description: Cow::Borrowed(
        "RSA-2048 signatures and certificates may be created through 2030-12-31; documents \
         signed up to then stay verifiable as legacy (accepted with a warning) after 2030, the \
         certificate's own expiry being checked by path validation. ECDSA P-384 is accepted \
         without end; P-256 and RSA-3072 follow CRYPTREC's 128-bit dates. SHA-1 is rejected for \
         new signatures (since 2014) and verifiable as legacy. RSA below 2048 bits, P-224, EdDSA \
         and ML-DSA are not JPKI algorithms: rejected.",
    ),
    equivalence: Cow::Borrowed(PKC_EQUIVALENCE),
    rules: Cow::Borrowed(JPKI_RULES),
};

/// Every built-in table, in the order `policy list` shows them. For a name that has
/// several versions, the final edition comes first.
pub static BUILTIN_TABLES: [&Table; 6] = [
    &CRYPTREC_LS0003,
    &NIST_SP800_131A_REV2,
    &NIST_SP800_131A_REV3_DRAFT,
    &NIST_IR8547_DRAFT,
    &BSI_TR_02102_1,
    &JPKI_MIGRATION,
];

/// The built-in table called `name`: either `name@version` exactly, or a bare name (the
/// first table of that name in [`BUILTIN_TABLES`], i.e. the final edition:
/// `nist-sp800-131a` is Rev. 2).
pub fn builtin(name: &str) -> Option<&'static Table> {
    match name.split_once('@') {
        Some((base, version)) => BUILTIN_TABLES
            .iter()
            .copied()
            .find(|t| t.name == base && t.version == version),
        None => BUILTIN_TABLES.iter().copied().find(|t| t.name == name),
    }
}

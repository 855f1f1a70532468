//! The card-generation exposure: under NIST IR 8547 (draft) the next card's 10-year ECDSA
//! P-384 certificates outlive the 2036-01-01 rejection of ECDSA, the current RSA-2048
//! card's expire before it, and an ML-DSA-65 card of the same cohort is never rejected;
//! CRYPTREC LS-0003 rates no ML-DSA parameter set, so it cannot accept that card at all.

use jpki_verify::policy::{
    CRYPTREC_LS0003, Date, GenerationOutcome, JPKI_CARD_GENERATIONS, NIST_IR8547_DRAFT,
};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn under_nist_ir_8547_the_p384_card_crosses_2035_and_an_ml_dsa_card_would_not() {
    let rows = NIST_IR8547_DRAFT.generations_exposure(&JPKI_CARD_GENERATIONS);
    let outcomes: Vec<_> = rows.iter().map(|r| (r.generation.name, r.outcome)).collect();
    assert_eq!(
        outcomes,
        [
            (
                "RSA-2048 card (current)",
                GenerationOutcome::ExpiresBeforeRejection {
                    rejected_from: date("2036-01-01")
                }
            ),
            (
                "ECDSA P-384 card (FY2028 cohort)",
                // 2036-01-01 .. 2039-03-31 inclusive: 366 + 365 + 365 + 90 days.
                GenerationOutcome::CrossesRejection {
                    rejected_from: date("2036-01-01"),
                    days_past: 1186
                }
            ),
            (
                "ML-DSA-65 card (post-quantum what-if, FY2028 cohort)",
                GenerationOutcome::NeverRejected
            ),
        ]
    );
    assert_eq!(rows[0].last_expiry, date("2031-03-31"));
    assert_eq!(rows[1].last_expiry, date("2039-03-31"));
    assert!(rows[1].crosses_rejection());
    assert!(!rows[2].crosses_rejection() && rows[2].generation.hypothetical);
}

#[test]
fn under_cryptrec_no_generation_is_rejected_and_ml_dsa_is_not_covered() {
    let rows = CRYPTREC_LS0003.generations_exposure(&JPKI_CARD_GENERATIONS);
    let outcomes: Vec<_> = rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            GenerationOutcome::NeverRejected,
            GenerationOutcome::NeverRejected,
            GenerationOutcome::NotAcceptedAtIssue,
        ]
    );
}

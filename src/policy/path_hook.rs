//! The hook between path validation and the sunset tables: every signature in a validated
//! path, judged as an issuance at the certificate's notBefore and as a verification at the
//! validation time.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{AlgorithmDescriptor, Assessment, Date, SignedItem, Table};
use crate::{UnixTime, ValidatedPath};

impl Table {
    /// Judges the signatures of a validated path (leaf first; the anchor's own signature is
    /// not part of the path and is not judged).
    pub fn evaluate_path(
        &self,
        path: &ValidatedPath<'_>,
        validation_time: UnixTime,
    ) -> Assessment<'_> {
        let labels: Vec<String> = path
            .entries()
            .iter()
            .map(|entry| format!("{}", entry.certificate().subject()))
            .collect();
        let items: Vec<SignedItem<'_>> = path
            .entries()
            .iter()
            .zip(&labels)
            // A signature that verified always has a scheme matching its key, so every
            // entry has a descriptor.
            .filter_map(|(entry, label)| {
                Some(SignedItem {
                    label,
                    algorithm: AlgorithmDescriptor::from_algorithm(
                        entry.algorithm(),
                        entry.signer_key(),
                    )?,
                    created_at: Date::from_unix_seconds(
                        entry.certificate().validity().not_before.as_unix_seconds(),
                    ),
                })
            })
            .collect();
        let at = Date::from_unix_seconds(validation_time.as_unix_seconds()).unwrap_or(Date::MIN);
        self.evaluate_chain(&items, at)
    }
}

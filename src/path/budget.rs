//! Limits on the work one validation may do.
//!
//! A set of same-DN, mutually cross-signed CAs makes the number of candidate paths grow
//! exponentially with their count; without a bound a hostile intermediate bundle turns
//! path building into a denial of service. Every exhaustion is its own error, and the
//! signature and step limits end the whole search at once.

use crate::Error;

/// How much work path building (including CRL signer paths) may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Budget {
    /// Signature verifications (certificates and CRLs) over the whole search.
    pub signature_checks: u32,
    /// Candidate issuers considered over the whole search.
    pub build_steps: u32,
    /// Most certificates in one path, the trust anchor not counted.
    pub max_path_len: u8,
}

impl Budget {
    /// The default limits: ample for any real PKI (JPKI paths are one certificate long; the
    /// longest PKITS path with its CRL signer paths needs a few dozen signatures).
    pub const DEFAULT: Budget = Budget {
        signature_checks: 200,
        build_steps: 20_000,
        max_path_len: 10,
    };

    /// A budget with these limits.
    pub const fn new(signature_checks: u32, build_steps: u32, max_path_len: u8) -> Self {
        Self {
            signature_checks,
            build_steps,
            max_path_len,
        }
    }
}

impl Default for Budget {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The budget being spent.
#[derive(Debug)]
pub(crate) struct Remaining {
    signatures: u32,
    steps: u32,
    pub(crate) max_path_len: u8,
    /// Name constraint comparisons made so far, over every candidate path.
    pub(crate) name_comparisons: u32,
}

impl Remaining {
    pub(crate) fn new(budget: Budget) -> Self {
        Self {
            signatures: budget.signature_checks,
            steps: budget.build_steps,
            max_path_len: budget.max_path_len,
            name_comparisons: 0,
        }
    }

    pub(crate) fn signature(&mut self) -> Result<(), Error> {
        self.signatures = self
            .signatures
            .checked_sub(1)
            .ok_or(Error::MaximumSignatureChecksExceeded)?;
        Ok(())
    }

    pub(crate) fn step(&mut self) -> Result<(), Error> {
        self.steps = self
            .steps
            .checked_sub(1)
            .ok_or(Error::MaximumPathBuildStepsExceeded)?;
        Ok(())
    }
}

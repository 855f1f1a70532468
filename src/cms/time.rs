//! Which time a signer's path is validated at: the caller's, the signer's own claim, or the
//! genTime of a timestamp token over its signature value (RFC 3161 appendix A, CAdES-T).

use super::parse::SignerInfoParts;
use super::{SignerReport, TimeBasis, ValidationTime};
use crate::tsp::{Imprint, TimestampReport, TimestampVerifier};
use crate::{Error, UnixTime};

/// The signer's signature-time-stamp token, verified, when it has one. A token is verified
/// and reported whatever the validation time; it decides the signer only under
/// [`ValidationTime::Timestamped`] (see [`signer_time`]).
pub(crate) fn verify_token(
    timestamps: &TimestampVerifier<'_>,
    signer: &SignerInfoParts<'_>,
) -> Option<TimestampReport> {
    let token = signer.timestamp_token?;
    Some(timestamps.verify(token, Imprint::Data(signer.signature)))
}

/// The time a signer's path is validated at, and what kind of time it is.
pub(crate) fn signer_time(
    time: ValidationTime,
    report: &SignerReport,
) -> Result<(UnixTime, TimeBasis), Error> {
    match time {
        ValidationTime::At(time) => Ok((time, TimeBasis::Given)),
        ValidationTime::SigningTime => report
            .signing_time
            .map(|t| (t, TimeBasis::Claimed))
            .ok_or(Error::CmsSigningTimeMissing),
        ValidationTime::Timestamped => {
            let token = report.timestamp.as_ref().ok_or(Error::TimestampMissing)?;
            token.result?;
            let gen_time = token.gen_time.ok_or(Error::TimestampMalformed)?;
            // A claim later than the proof: the signature existed before the time it claims.
            if let (Some(claim), Some(latest)) = (report.signing_time, token.latest())
                && claim > latest
            {
                return Err(Error::TimestampTimeInconsistent);
            }
            Ok((gen_time, TimeBasis::Proven))
        }
    }
}

//! Dates as day numbers in the cache: chrono writes a `NaiveDate` as text, and parsing
//! millions of them back cost more than the rest of a warm start.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

fn number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date<E: serde::de::Error>(n: i32) -> Result<NaiveDate, E> {
    NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| E::custom("day out of range"))
}

/// For `Option<NaiveDate>` fields.
pub mod opt {
    use super::{Deserialize, Deserializer, NaiveDate, Serialize, Serializer, date, number};

    // serde's `with` hands fields over by reference.
    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(number).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?.map(date).transpose()
    }
}

/// For the index's `(start, end, doc)` intervals.
pub mod intervals {
    use super::{Deserialize, Deserializer, NaiveDate, Serializer, date, number};

    pub fn serialize<S: Serializer>(
        v: &[(NaiveDate, NaiveDate, u32)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|&(a, b, d)| (number(a), number(b), d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(NaiveDate, NaiveDate, u32)>, D::Error> {
        Vec::<(i32, i32, u32)>::deserialize(d)?
            .into_iter()
            .map(|(a, b, doc)| Ok((date(a)?, date(b)?, doc)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_round_trip() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct T {
            #[serde(with = "super::opt")]
            a: Option<chrono::NaiveDate>,
            #[serde(with = "super::intervals")]
            b: Vec<(chrono::NaiveDate, chrono::NaiveDate, u32)>,
        }
        let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
        let t = T {
            a: Some(d),
            b: vec![(d, d.succ_opt().unwrap(), 3)],
        };
        let bytes = postcard::to_stdvec(&t).unwrap();
        assert!(bytes.len() < 16, "compact: {} bytes", bytes.len());
        assert_eq!(postcard::from_bytes::<T>(&bytes).unwrap(), t);
    }
}

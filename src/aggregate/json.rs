//! The JSON shape of totals, rejections and the dossier summaries
//! (`docs/FORMAT.md`, one section each): amounts as strings of digits,
//! counts as numbers, keys as the text `Display` gives them, with the
//! names of countries beside them.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use strum::IntoEnumIterator;

use super::{
    BreakdownCount, DoseGroup, DoseTotals, ExactSum, FactRejection, FundingTotals, GroupKey, GroupTotal, PledgeSummary,
    Rejection, Remainder, Totals, TrancheSummary,
};
use crate::aggregate::KeyPart;
use crate::model::DoseStage;
use crate::notation::Bounds;
use crate::Money;

impl Totals {
    /// The `format` tag of totals written as JSON.
    pub const FORMAT: &'static str = "statecraft-totals/1";
}

impl FundingTotals {
    /// The `format` tag of funding totals written as JSON.
    pub const FORMAT: &'static str = "statecraft-funding-totals/1";
}

impl DoseTotals {
    /// The `format` tag of dose totals written as JSON.
    pub const FORMAT: &'static str = "statecraft-dose-totals/1";
}

/// The amount of money without its currency: `"1234.50"`.
struct Amount(Money);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.amount())
    }
}

/// An exact sum without its currency: every significant digit.
struct ExactAmount(ExactSum);

impl Serialize for ExactAmount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.0.to_string();
        s.serialize_str(text.split_once(' ').map_or(text.as_str(), |(_, digits)| digits))
    }
}

/// A key as the text of each part: `["GT", "committed"]`.
struct KeyText<'a>(&'a GroupKey);

impl Serialize for KeyText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.parts().map(ToString::to_string))
    }
}

/// A key as people read it: a country by its name (`"Guatemala"`), any
/// other part as its text.
struct KeyNames<'a>(&'a GroupKey);

impl Serialize for KeyNames<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.parts().map(|p| match p {
            KeyPart::Country(c) => c.common_name().to_string(),
            other => other.to_string(),
        }))
    }
}

/// The ids of the reasons that occurred, with their counts.
struct ByReason<'a>(&'a Totals);

impl Serialize for ByReason<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (id, n) in self.0.rejected_by_reason() {
            map.serialize_entry(id, &n)?;
        }
        map.end()
    }
}

/// The counts of [`Totals`].
struct Counts<'a>(&'a Totals);

impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut st = s.serialize_struct("Counts", 5)?;
        st.serialize_field("read", &t.read())?;
        st.serialize_field("aggregated", &t.aggregated())?;
        st.serialize_field("undisclosed", &t.undisclosed())?;
        st.serialize_field("rejected", &t.rejected())?;
        st.serialize_field("rejected_by_reason", &ByReason(t))?;
        st.end()
    }
}

/// A group of totals, with its bounds when a summary of reported
/// figures has them.
struct Group<'a>(&'a GroupTotal, Option<&'a Bounds<Money>>);

impl Serialize for Group<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Group(g, bounds) = *self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("key", &KeyText(g.key()))?;
        map.serialize_entry("names", &KeyNames(g.key()))?;
        map.serialize_entry("total", &g.disclosed_total().map(Amount))?;
        map.serialize_entry("exact", &ExactAmount(g.exact()))?;
        if let Some(b) = bounds {
            map.serialize_entry("bounds", b)?;
        }
        map.serialize_entry("records", &g.records())?;
        map.serialize_entry("undisclosed", &g.undisclosed())?;
        map.end()
    }
}

impl Serialize for GroupTotal {
    /// `{"key": ["GT"], "names": ["Guatemala"], "total": "121.62",
    /// "exact": "121.62", "records": 1, "undisclosed": 0}`; `total` is
    /// `null` when nothing in the group was disclosed.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Group(self, None).serialize(s)
    }
}

impl Serialize for Rejection {
    /// `{"line": 12, "reason": "no-rate", "message": "..."}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rejection", 3)?;
        st.serialize_field("line", &self.line())?;
        st.serialize_field("reason", self.reason().id())?;
        st.serialize_field("message", &self.reason().to_string())?;
        st.end()
    }
}

impl Serialize for FactRejection {
    /// `{"path": "/funding/2", "reason": "funding", "message": "..."}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FactRejection", 3)?;
        st.serialize_field("path", &self.path().to_pointer())?;
        st.serialize_field("reason", self.reason().id())?;
        st.serialize_field("message", &self.reason().to_string())?;
        st.end()
    }
}

/// The fields totals and funding totals share, in one map.
fn totals_fields<M: SerializeMap>(map: &mut M, t: &Totals) -> Result<(), M::Error> {
    map.serialize_entry("currency", &t.currency())?;
    map.serialize_entry("by", &t.by().names().collect::<Vec<_>>())?;
    map.serialize_entry("conversion_date", &t.conversion_date())?;
    map.serialize_entry("counts", &Counts(t))?;
    map.serialize_entry("total", &t.disclosed_total().map(Amount))?;
    map.serialize_entry("exact_total", &ExactAmount(t.exact_total()))
}

impl Serialize for Totals {
    /// `{"format": "statecraft-totals/1", "currency": "USD", "by":
    /// ["recipient"], "conversion_date": null, "counts": {...}, "total":
    /// "182.43", "exact_total": "182.43", "groups": [...], "rejections":
    /// [...]}` (`docs/FORMAT.md`).
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::records::Reader;
    /// use statecraft::{Aggregator, Currency, Dimension};
    ///
    /// let csv = "id,date,donor,recipient,stage,amount,currency\n\
    ///            1,2021-06-07,US,GT,committed,100,EUR\n\
    ///            2,2021-06-07,US,HN,announced,,\n";
    /// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    /// Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
    /// let json = serde_json::to_value(agg.totals()?)?;
    /// assert_eq!(json["format"], "statecraft-totals/1");
    /// assert_eq!(json["counts"]["undisclosed"], 1);
    /// assert_eq!(json["groups"][0]["total"], "121.62");
    /// assert_eq!(json["groups"][1]["names"][0], "Honduras");
    /// assert!(json["groups"][1]["total"].is_null()); // nothing disclosed: no total, not 0.00
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("format", Totals::FORMAT)?;
        totals_fields(&mut map, self)?;
        map.serialize_entry("groups", self.groups())?;
        map.serialize_entry("rejections", self.rejections())?;
        map.end()
    }
}

impl Serialize for FundingTotals {
    /// The shape of [`Totals`] with the format
    /// `statecraft-funding-totals/1`, each group's `bounds` and the
    /// `total_bounds` beside the totals, and the rejections named by
    /// their place in the dossier (`path`) rather than by line.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.totals();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("format", FundingTotals::FORMAT)?;
        totals_fields(&mut map, t)?;
        map.serialize_entry("total_bounds", &self.total_bounds())?;
        let bounds: Vec<Option<Bounds<Money>>> = t.groups().iter().map(|g| self.bounds(g.key())).collect();
        let groups: Vec<Group<'_>> = t
            .groups()
            .iter()
            .zip(&bounds)
            .map(|(g, b)| Group(g, b.as_ref()))
            .collect();
        map.serialize_entry("groups", &groups)?;
        map.serialize_entry("rejections", self.rejections())?;
        map.end()
    }
}

impl Serialize for DoseGroup {
    /// `{"key": ["announced"], "names": ["announced"], "doses": 500000,
    /// "bounds": {...}, "allocations": 1}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DoseGroup", 5)?;
        st.serialize_field("key", &KeyText(self.key()))?;
        st.serialize_field("names", &KeyNames(self.key()))?;
        st.serialize_field("doses", &self.doses())?;
        st.serialize_field("bounds", &self.bounds())?;
        st.serialize_field("allocations", &self.allocations())?;
        st.end()
    }
}

impl Serialize for DoseTotals {
    /// `{"format": "statecraft-dose-totals/1", "by": ["recipient"],
    /// "counts": {"read", "counted", "rejected"}, "total": 6000000,
    /// "total_bounds": {...}, "groups": [...], "rejections": [...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct DoseCounts<'a>(&'a DoseTotals);
        impl Serialize for DoseCounts<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Counts", 3)?;
                st.serialize_field("read", &self.0.read())?;
                st.serialize_field("counted", &self.0.counted())?;
                st.serialize_field("rejected", &self.0.rejected())?;
                st.end()
            }
        }
        let mut st = s.serialize_struct("DoseTotals", 7)?;
        st.serialize_field("format", DoseTotals::FORMAT)?;
        st.serialize_field("by", &self.by().names().collect::<Vec<_>>())?;
        st.serialize_field("counts", &DoseCounts(self))?;
        st.serialize_field("total", &self.total())?;
        st.serialize_field("total_bounds", &self.total_bounds())?;
        st.serialize_field("groups", self.groups())?;
        st.serialize_field("rejections", self.rejections())?;
        st.end()
    }
}

/// Doses allocated by stage, the stages with any: `{"announced": 500000}`.
struct ByStage<F>(F);

impl<F: Fn(DoseStage) -> u64> Serialize for ByStage<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for stage in DoseStage::iter() {
            let n = (self.0)(stage);
            if n > 0 {
                map.serialize_entry(&stage, &n)?;
            }
        }
        map.end()
    }
}

impl Serialize for Remainder {
    /// `{"unallocated": 19000000}` or `{"over_allocated": 500000}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match *self {
            Remainder::Unallocated(n) => map.serialize_entry("unallocated", &n)?,
            Remainder::OverAllocated(n) => map.serialize_entry("over_allocated", &n)?,
        }
        map.end()
    }
}

impl Serialize for PledgeSummary<'_> {
    /// `{"pledge": "us-covid-25m", "path": "/vaccine_pledges/0", "pledged":
    /// 25000000, "pledged_bounds": {...}, "allocations": 3, "allocated":
    /// 6000000, "allocated_bounds": {...}, "allocated_by_stage": {...},
    /// "allocated_share": "24", "remainder": {...}, "unallocated": {...},
    /// "tranches": [...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PledgeSummary", 12)?;
        st.serialize_field("pledge", self.pledge().id())?;
        st.serialize_field("path", &self.path().to_pointer())?;
        st.serialize_field("pledged", &self.pledged())?;
        st.serialize_field("pledged_bounds", &self.pledged_bounds())?;
        st.serialize_field("allocations", &self.allocations())?;
        st.serialize_field("allocated", &self.allocated())?;
        st.serialize_field("allocated_bounds", &self.allocated_bounds())?;
        st.serialize_field("allocated_by_stage", &ByStage(|stage| self.allocated_at(stage)))?;
        st.serialize_field("allocated_share", &self.allocated_share())?;
        st.serialize_field("remainder", &self.remainder())?;
        st.serialize_field("unallocated", &self.unallocated())?;
        st.serialize_field("tranches", self.tranches())?;
        st.end()
    }
}

impl Serialize for TrancheSummary<'_> {
    /// `{"tranche": "to-mexico", "name": null, "path": "...", "parent": 0,
    /// "pledged_bounds": {...}, "allocations": 1, "allocated": 1000000,
    /// "allocated_bounds": {...}, "allocated_by_stage": {...},
    /// "unallocated": {...}}`; `parent` is the place of the enclosing
    /// tranche in the pledge's list, `null` at the top.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("TrancheSummary", 10)?;
        st.serialize_field("tranche", self.tranche().id())?;
        st.serialize_field("name", &self.tranche().name())?;
        st.serialize_field("path", &self.path().to_pointer())?;
        st.serialize_field("parent", &self.parent())?;
        st.serialize_field("pledged_bounds", &self.pledged_bounds())?;
        st.serialize_field("allocations", &self.allocations())?;
        st.serialize_field("allocated", &self.allocated())?;
        st.serialize_field("allocated_bounds", &self.allocated_bounds())?;
        st.serialize_field("allocated_by_stage", &ByStage(|stage| self.allocated_at(stage)))?;
        st.serialize_field("unallocated", &self.unallocated())?;
        st.end()
    }
}

impl Serialize for BreakdownCount<'_> {
    /// `{"statistic": "...", "path": "/statistics/0/breakdown/0", "count":
    /// "more than 71,200", "place": "the Northern Triangle"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("BreakdownCount", 4)?;
        st.serialize_field("statistic", self.statistic().id())?;
        st.serialize_field("path", &self.path().to_pointer())?;
        st.serialize_field("count", &self.count())?;
        st.serialize_field("place", self.place())?;
        st.end()
    }
}

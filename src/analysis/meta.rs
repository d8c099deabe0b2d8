//! The header that applies to each language version.
//!
//! A translation states its own title, series, place and theme under its `version:` line; every
//! other fact (the dates, the adoption, the host) is the original's. The closing's date is the
//! date of adoption unless the closing states another, as the language reference promises.

use crate::ast::{Closing, Date, DateRange, Document, VersionHeader};
use crate::source::Spanned;

/// The header of one version, as it applies to that version.
pub struct Meta<'a> {
    /// The language tag: the `version:` line's, or the header's first language for the original
    /// (English when the header names none); empty for a version whose language is not stated.
    pub language: &'a str,
    /// The version's own header, for a translation.
    pub own: Option<&'a VersionHeader>,
    pub title: Option<&'a Spanned<String>>,
    pub series: Option<&'a Spanned<String>>,
    pub place: Option<&'a Spanned<String>>,
    pub theme: Option<&'a Spanned<String>>,
    /// The meeting's dates and the date of adoption, the same in every version.
    pub dates: Option<&'a Spanned<DateRange>>,
    pub adopted: Option<&'a Spanned<Date>>,
    pub closing: Option<ClosingMeta<'a>>,
}

/// The closing of a version, with the date it prints.
pub struct ClosingMeta<'a> {
    pub closing: &'a Closing,
    /// The closing's own date, else the date of adoption.
    pub date: Option<Date>,
}

impl<'a> Meta<'a> {
    /// The header of the version at `index`.
    pub fn of(document: &'a Document, index: usize) -> Meta<'a> {
        let header = &document.header;
        let version = &document.versions[index];
        let own = version.header.as_ref().filter(|_| index > 0);
        let language = match own {
            Some(own) => own.language.value.as_str(),
            None => document.language_of(version),
        };
        let pick = |mine: Option<&'a Spanned<String>>, original: &'a Option<Spanned<String>>| {
            mine.or(original.as_ref())
        };
        let closing = version.closing.as_ref().map(|closing| ClosingMeta {
            closing,
            date: closing
                .date
                .as_ref()
                .or(header.adopted.as_ref())
                .map(|d| d.value),
        });
        Meta {
            language,
            own,
            title: pick(own.and_then(|h| h.title.as_ref()), &header.title),
            series: pick(own.and_then(|h| h.series.as_ref()), &header.series),
            place: pick(own.and_then(|h| h.place.as_ref()), &header.place),
            theme: pick(own.and_then(|h| h.theme.as_ref()), &header.theme),
            dates: header.dates.as_ref(),
            adopted: header.adopted.as_ref(),
            closing,
        }
    }

    /// The place as this version states it itself: a translation's own `place`, the header's
    /// for the original. A translation that states none names its place in no words of its own.
    pub fn own_place(&self) -> Option<&'a Spanned<String>> {
        match self.own {
            Some(own) => own.place.as_ref(),
            None => self.place,
        }
    }
}

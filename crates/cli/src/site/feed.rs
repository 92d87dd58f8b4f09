//! The Atom feeds (RFC 4287): all releases newest first, and the newest of
//! each topic, place and content type.

use super::SiteAddress;
use super::html::escape;
use newsroom_engine::bundle::{Bundle, Release};
use newsroom_engine::date::Date;
use newsroom_engine::feeds::{Feed, FeedFacet};
use newsroom_engine::filters::{Filters, TypeChoice};

pub fn atom_feed(bundle: &Bundle, address: &SiteAddress) -> String {
    let mut releases: Vec<&Release> = bundle.releases.iter().collect();
    releases.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let about = About {
        title: bundle.site.name.clone(),
        subtitle: &bundle.site.tagline,
        path: "feed.xml",
        view: address.absolute(""),
    };
    atom(bundle, address, &about, &releases)
}

/// The feed of one topic, place or content type: its newest entries.
pub fn facet_feed(bundle: &Bundle, address: &SiteAddress, feed: &Feed) -> String {
    let about = About {
        title: format!("{}: {}", bundle.site.name, feed.subject()),
        subtitle: &bundle.site.tagline,
        path: &feed.path,
        view: address.absolute(&view_of(feed).to_query()),
    };
    atom(bundle, address, &about, &feed.entries(&bundle.releases))
}

/// What a feed is: its title, subtitle and path under the public URL.
struct About<'a> {
    title: String,
    subtitle: &'a str,
    path: &'a str,
    /// The page that shows the same releases.
    view: String,
}

/// The timeline filtered by the feed's value.
fn view_of(feed: &Feed) -> Filters {
    let none = Filters::default();
    match feed.facet {
        FeedFacet::Topic => none.with_topic_toggled(&feed.label),
        FeedFacet::Place => none.with_place_toggled(&feed.label),
        FeedFacet::Type => none.with_type_toggled(&TypeChoice::Named(feed.label.clone())),
    }
}

/// An Atom document of `releases`, in the order given. Its id is its own
/// URL, so every feed of the site has a distinct, stable one.
fn atom(bundle: &Bundle, address: &SiteAddress, about: &About, releases: &[&Release]) -> String {
    let updated = releases.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |r| timestamp(r.published),
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    xml.push_str(&format!("  <title>{}</title>\n", text(&about.title)));
    if !about.subtitle.is_empty() {
        xml.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            text(about.subtitle)
        ));
    }
    let home = address.absolute("");
    let own = address.absolute(about.path);
    let id = if about.path == "feed.xml" {
        &home
    } else {
        &own
    };
    xml.push_str(&format!("  <id>{}</id>\n", escape(id)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&own)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&about.view)
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        text(&bundle.site.name)
    ));
    for release in releases {
        let url = escape(&address.release_url(release.slug.as_str()));
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", text(&release.title)));
        xml.push_str(&format!("    <id>{url}</id>\n"));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"
        ));
        xml.push_str(&format!(
            "    <published>{}</published>\n",
            timestamp(release.published)
        ));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(release.published)
        ));
        for term in release.content_type.iter().chain(&release.topics) {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", attribute(term)));
        }
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            text(&release.summary)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Element text: an XML parser reads a raw carriage return as a line feed,
/// so it goes as a character reference.
fn text(text: &str) -> String {
    escape(text).replace('\r', "&#13;")
}

/// Attribute values: a parser turns raw tabs and line breaks into spaces.
fn attribute(value: &str) -> String {
    escape(value)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

/// Releases carry a date only; Atom wants a moment, so midnight UTC.
fn timestamp(date: Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}

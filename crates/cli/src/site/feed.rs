//! The Atom feed (RFC 4287) of all releases, newest first.

use super::SiteAddress;
use super::html::escape;
use newsroom_engine::bundle::{Bundle, Release};
use newsroom_engine::date::Date;

pub fn atom_feed(bundle: &Bundle, address: &SiteAddress) -> String {
    let mut releases: Vec<&Release> = bundle.releases.iter().collect();
    releases.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let updated = releases.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |r| timestamp(r.published),
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    xml.push_str(&format!("  <title>{}</title>\n", text(&bundle.site.name)));
    if !bundle.site.tagline.is_empty() {
        xml.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            text(&bundle.site.tagline)
        ));
    }
    let home = address.absolute("");
    xml.push_str(&format!("  <id>{}</id>\n", escape(&home)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&address.absolute("feed.xml"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&home)
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

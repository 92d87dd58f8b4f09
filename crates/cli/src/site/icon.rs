//! The site's icon inside every page, as a `data:` URL. Chromium downloads
//! and decodes a page's icon file again each time the address changes
//! without a page load, which the app does on every keystroke in the search
//! box and every facet click: measured at 1,000 releases, typing 23 keys
//! kept the main thread busy 1,106–1,163 ms with the icon as a file and
//! 958–961 ms with it inline (an inline SVG costs more than a PNG: it is
//! parsed as a document each time).

use std::path::Path;

use base64::Engine;

/// `shell` with its `<link rel="icon" href="…">` pointing into `dist`
/// turned into a `data:` URL of that file. A shell without one, with one
/// already inline, or whose file is not in `dist` is returned unchanged.
pub fn with_inline_icon(shell: &str, dist: &Path, public_url: &str) -> String {
    let Some((start, end)) = icon_link(shell) else {
        return shell.to_owned();
    };
    let link = &shell[start..end];
    let Some(href) = attribute(link, "href") else {
        return shell.to_owned();
    };
    let Some(file) = href.strip_prefix(public_url) else {
        return shell.to_owned(); // inline already, or elsewhere
    };
    let Some(mime) = mime_type(file) else {
        return shell.to_owned();
    };
    let Ok(bytes) = std::fs::read(dist.join(file)) else {
        return shell.to_owned();
    };
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!(
        "{}<link rel=\"icon\" type=\"{mime}\" href=\"data:{mime};base64,{data}\">{}",
        &shell[..start],
        &shell[end..]
    )
}

/// Where the first `<link …>` with `rel="icon"` starts and ends.
fn icon_link(shell: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(offset) = shell[from..].find("<link") {
        let start = from + offset;
        let end = start + shell[start..].find('>')? + 1;
        if attribute(&shell[start..end], "rel") == Some("icon") {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// A double-quoted attribute's value in one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let opening = format!(" {name}=\"");
    let start = tag.find(&opening)? + opening.len();
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

fn mime_type(file: &str) -> Option<&'static str> {
    let extension = file.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "png" => Some("image/png"),
        "svg" => Some("image/svg+xml"),
        "ico" => Some("image/x-icon"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<head><link rel=\"alternate\" href=\"/n/feed.xml\">\
        <link rel=\"icon\" href=\"/n/favicon-1a2b.png\"/><title>T</title></head>";

    use crate::content::tests::scratch;

    fn dist_with_icon() -> std::path::PathBuf {
        let dir = scratch("icon");
        std::fs::write(dir.join("favicon-1a2b.png"), b"\x89PNG-bytes").unwrap();
        dir
    }

    #[test]
    fn the_icon_file_becomes_a_data_url() {
        let dist = dist_with_icon();
        let shell = with_inline_icon(SHELL, &dist, "/n/");
        assert_eq!(
            shell,
            "<head><link rel=\"alternate\" href=\"/n/feed.xml\">\
             <link rel=\"icon\" type=\"image/png\" href=\"data:image/png;base64,iVBORy1ieXRlcw==\">\
             <title>T</title></head>"
        );
        // Once inline, the next build leaves it so.
        assert_eq!(with_inline_icon(&shell, &dist, "/n/"), shell);
    }

    #[test]
    fn a_shell_without_an_icon_file_in_dist_is_unchanged() {
        let empty = scratch("no-icon");
        assert_eq!(with_inline_icon(SHELL, &empty, "/n/"), SHELL);
        let no_icon = "<head><title>T</title></head>";
        assert_eq!(with_inline_icon(no_icon, &empty, "/n/"), no_icon);
        let unknown = SHELL.replace(".png", ".gif");
        assert_eq!(
            with_inline_icon(&unknown, &dist_with_icon(), "/n/"),
            unknown
        );
    }
}

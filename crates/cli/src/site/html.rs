//! Escaping for text placed in HTML and XML, and small edits of the shell.

/// Escapes text for element content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Replaces the shell's `<title>…</title>`.
pub fn set_title(shell: &str, title: &str) -> String {
    match (shell.find("<title>"), shell.find("</title>")) {
        (Some(start), Some(end)) if start < end => {
            format!(
                "{}<title>{}</title>{}",
                &shell[..start],
                escape(title),
                &shell[end + "</title>".len()..]
            )
        }
        _ => insert_before(
            shell,
            "</head>",
            &format!("<title>{}</title>", escape(title)),
        ),
    }
}

/// Inserts `html` right before the first `marker` (or at the end).
pub fn insert_before(shell: &str, marker: &str, html: &str) -> String {
    match shell.find(marker) {
        Some(at) => format!("{}{html}{}", &shell[..at], &shell[at..]),
        None => format!("{shell}{html}"),
    }
}

/// Removes every `<meta name="{name}" …>` the build wrote.
pub fn remove_meta(shell: &str, name: &str) -> String {
    remove_tags(shell, &format!("<meta name=\"{name}\""))
}

/// Removes every tag that starts with `opening`.
pub fn remove_tags(shell: &str, opening: &str) -> String {
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell;
    while let Some(start) = rest.find(opening) {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// `html` between `<!--newsroom:{name}-->` and `<!--/newsroom:{name}-->`,
/// so a later run of the build finds it again (see [`without_marked`]).
pub fn marked(name: &str, html: &str) -> String {
    format!("<!--newsroom:{name}-->{html}<!--/newsroom:{name}-->")
}

/// Removes every block [`marked`] `name`: the site writer may run again on
/// a folder it completed before (the benchmark does, with another bundle).
pub fn without_marked(shell: &str, name: &str) -> String {
    remove_elements(
        shell,
        &format!("<!--newsroom:{name}-->"),
        &format!("<!--/newsroom:{name}-->"),
    )
}

/// Removes every element from `opening` to the next `closing`, both
/// included (for the build's own `<script>` blocks, whose content never
/// holds `closing`).
pub fn remove_elements(shell: &str, opening: &str, closing: &str) -> String {
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell;
    while let Some(start) = rest.find(opening) {
        let Some(end) = rest[start..].find(closing) else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + end + closing.len()..];
    }
    out.push_str(rest);
    out
}

/// Inserts `html` right after the opening `<body…>` tag.
pub fn insert_after_body_open(shell: &str, html: &str) -> String {
    let Some(start) = shell.find("<body") else {
        return format!("{shell}{html}");
    };
    let Some(close) = shell[start..].find('>') else {
        return format!("{shell}{html}");
    };
    let at = start + close + 1;
    format!("{}{html}{}", &shell[..at], &shell[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn shell_edits_land_in_place() {
        let shell =
            "<html><head><title>Old</title></head><body class=\"x\"><p>app</p></body></html>";
        let titled = set_title(shell, "New & <b>");
        assert!(titled.contains("<title>New &amp; &lt;b&gt;</title>") && !titled.contains("Old"));
        let inserted = insert_after_body_open(shell, "<main>static</main>");
        assert!(inserted.contains("<body class=\"x\"><main>static</main><p>app</p>"));
        assert!(insert_before(shell, "</head>", "<meta>").contains("<meta></head>"));
        let twice = format!("a{}b{}c", marked("x", "1"), marked("x", "2"));
        assert_eq!(without_marked(&twice, "x"), "abc");
        assert_eq!(without_marked(&twice, "y"), twice);
    }
}

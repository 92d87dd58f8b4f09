//! A release body's Markdown tree ([`newsroom_engine::markdown`]) as HTML
//! for the entry pages: every text escaped, only the tree's own elements.

use super::html::escape;
use newsroom_engine::markdown::{Block, Inline};

pub fn blocks_html(blocks: &[Block]) -> String {
    let mut html = String::new();
    for block in blocks {
        push_block(&mut html, block);
    }
    html
}

fn push_block(html: &mut String, block: &Block) {
    match block {
        Block::Paragraph(inlines) => wrap(html, "p", |html| push_inlines(html, inlines)),
        Block::Plain(inlines) => push_inlines(html, inlines),
        Block::Heading { level, content } => {
            wrap(html, &format!("h{level}"), |html| {
                push_inlines(html, content)
            });
        }
        Block::List { start, items } => {
            let tag = match start {
                Some(1) => "ol".to_owned(),
                Some(n) => format!("ol start=\"{n}\""),
                None => "ul".to_owned(),
            };
            html.push_str(&format!("<{tag}>"));
            for item in items {
                wrap(html, "li", |html| {
                    item.iter().for_each(|b| push_block(html, b))
                });
            }
            html.push_str(if start.is_some() { "</ol>" } else { "</ul>" });
        }
        Block::Quote(blocks) => wrap(html, "blockquote", |html| {
            blocks.iter().for_each(|b| push_block(html, b))
        }),
        Block::Code(text) => html.push_str(&format!("<pre><code>{}</code></pre>", escape(text))),
        Block::Rule => html.push_str("<hr>"),
    }
}

fn push_inlines(html: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => html.push_str(&escape(text)),
            Inline::Emphasis(content) => wrap(html, "em", |html| push_inlines(html, content)),
            Inline::Strong(content) => wrap(html, "strong", |html| push_inlines(html, content)),
            Inline::Code(text) => html.push_str(&format!("<code>{}</code>", escape(text))),
            Inline::Link { href, content } => {
                html.push_str(&format!("<a href=\"{}\">", escape(href)));
                push_inlines(html, content);
                html.push_str("</a>");
            }
            Inline::LineBreak => html.push_str("<br>"),
        }
    }
}

fn wrap(html: &mut String, tag: &str, inner: impl FnOnce(&mut String)) {
    html.push_str(&format!("<{tag}>"));
    inner(html);
    let name = tag.split(' ').next().unwrap_or(tag);
    html.push_str(&format!("</{name}>"));
}

#[cfg(test)]
mod tests {
    use super::blocks_html;
    use newsroom_engine::markdown::parse;

    #[test]
    fn markdown_becomes_escaped_elements() {
        let html = blocks_html(&parse(
            "## Aims\n\nSee *the* [report](https://example.org/?a=1&b=\"2\").\n\n\
             - one\n- two\n\n3. three\n\n> A quote",
        ));
        assert_eq!(
            html,
            "<h3>Aims</h3><p>See <em>the</em> <a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">report</a>.</p>\
             <ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li></ol>\
             <blockquote><p>A quote</p></blockquote>"
        );
    }

    #[test]
    fn hostile_markdown_stays_text() {
        let html = blocks_html(&parse(
            "<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <script>x</script> \
             [y](\"onmouseover=alert(1)) ![z](https://example.org/z.png)",
        ));
        assert!(
            !html.contains("<img") && !html.contains("<script") && !html.contains("javascript:"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    }
}

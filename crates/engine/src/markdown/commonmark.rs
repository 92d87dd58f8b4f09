//! Parsing CommonMark into the tree, with pulldown-cmark (the build only).

use std::iter::Peekable;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Block, Inline, is_safe_href};

/// Parses a body. Never fails: whatever CommonMark does not make into
/// one of the supported elements is kept as text.
pub fn parse(source: &str) -> Vec<Block> {
    let mut events = Parser::new(source).peekable();
    let mut blocks = Vec::new();
    read_blocks(&mut events, &mut blocks);
    blocks
}

/// The words a reader sees, without markup or link addresses, blocks
/// separated by blank lines: what search indexes.
pub fn plain_text(source: &str) -> String {
    let mut text = String::with_capacity(source.len());
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::BlockQuote(_),
            )
            | Event::Rule
                if !text.ends_with("\n\n") && !text.is_empty() =>
            {
                text.push_str("\n\n");
            }
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

type Events<'a> = Peekable<Parser<'a>>;

/// Reads blocks until the end of the enclosing container (or the text).
fn read_blocks(events: &mut Events<'_>, blocks: &mut Vec<Block>) {
    while let Some(event) = events.next() {
        match event {
            Event::End(_) => return,
            Event::Rule => blocks.push(Block::Rule),
            Event::Start(Tag::Paragraph) => blocks.push(Block::Paragraph(read_inlines(events))),
            Event::Start(Tag::Heading { level, .. }) => blocks.push(Block::Heading {
                level: match level {
                    HeadingLevel::H1 => 2,
                    HeadingLevel::H2 => 3,
                    _ => 4,
                },
                content: read_inlines(events),
            }),
            Event::Start(Tag::BlockQuote(_)) => {
                let mut quoted = Vec::new();
                read_blocks(events, &mut quoted);
                blocks.push(Block::Quote(quoted));
            }
            Event::Start(Tag::List(start)) => blocks.push(read_list(events, start)),
            Event::Start(Tag::CodeBlock(_)) => blocks.push(Block::Code(read_text(events))),
            // Raw HTML blocks are shown as the text they are.
            Event::Start(Tag::HtmlBlock) => {
                blocks.push(Block::Paragraph(vec![Inline::Text(read_text(events))]));
            }
            // Inline content directly in a container: a tight list item.
            other => {
                let mut inlines = match blocks.pop() {
                    Some(Block::Plain(inlines)) => inlines,
                    Some(block) => {
                        blocks.push(block);
                        Vec::new()
                    }
                    None => Vec::new(),
                };
                add_inline(events, other, &mut inlines);
                blocks.push(Block::Plain(inlines));
            }
        }
    }
}

fn read_list(events: &mut Events<'_>, start: Option<u64>) -> Block {
    let mut items = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                let mut item = Vec::new();
                read_blocks(events, &mut item);
                items.push(item);
            }
            Event::End(_) => break,
            _ => {}
        }
    }
    Block::List { start, items }
}

/// The text inside a code or HTML block, up to its end.
fn read_text(events: &mut Events<'_>) -> String {
    let mut text = String::new();
    for event in events.by_ref() {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::Code(t) => {
                text.push_str(&t);
            }
            Event::End(_) => break,
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

/// Reads inlines up to the end of the enclosing tag.
fn read_inlines(events: &mut Events<'_>) -> Vec<Inline> {
    let mut inlines = Vec::new();
    while let Some(event) = events.next() {
        if let Event::End(_) = event {
            break;
        }
        add_inline(events, event, &mut inlines);
    }
    inlines
}

fn add_inline(events: &mut Events<'_>, event: Event<'_>, inlines: &mut Vec<Inline>) {
    match event {
        Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => push_text(inlines, &t),
        Event::Code(t) => inlines.push(Inline::Code(t.into_string())),
        Event::SoftBreak => push_text(inlines, " "),
        Event::HardBreak => inlines.push(Inline::LineBreak),
        Event::Start(Tag::Emphasis) => inlines.push(Inline::Emphasis(read_inlines(events))),
        Event::Start(Tag::Strong) => inlines.push(Inline::Strong(read_inlines(events))),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let content = read_inlines(events);
            let href = dest_url.trim();
            if is_safe_href(href) {
                inlines.push(Inline::Link {
                    href: href.to_owned(),
                    content,
                });
            } else {
                extend(inlines, content);
            }
        }
        // Anything else (an image's description, strikethrough…) keeps
        // its text only.
        Event::Start(_) => {
            let content = read_inlines(events);
            extend(inlines, content);
        }
        _ => {}
    }
}

fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        last.push_str(text);
    } else {
        inlines.push(Inline::Text(text.to_owned()));
    }
}

fn extend(inlines: &mut Vec<Inline>, content: Vec<Inline>) {
    for inline in content {
        match inline {
            Inline::Text(text) => push_text(inlines, &text),
            other => inlines.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        let blocks = parse("# Results\n\nThe *first* and **second**\nline.\n\n### Deep");
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Results")]
                },
                Block::Paragraph(vec![
                    text("The "),
                    Inline::Emphasis(vec![text("first")]),
                    text(" and "),
                    Inline::Strong(vec![text("second")]),
                    text(" line."),
                ]),
                Block::Heading {
                    level: 4,
                    content: vec![text("Deep")]
                },
            ]
        );
    }

    #[test]
    fn tight_and_loose_lists_and_quotes() {
        let blocks = parse("1. one\n2. two\n   - inner\n\n> quoted\n");
        assert_eq!(
            blocks,
            vec![
                Block::List {
                    start: Some(1),
                    items: vec![
                        vec![Block::Plain(vec![text("one")])],
                        vec![
                            Block::Plain(vec![text("two")]),
                            Block::List {
                                start: None,
                                items: vec![vec![Block::Plain(vec![text("inner")])]]
                            }
                        ],
                    ]
                },
                Block::Quote(vec![Block::Paragraph(vec![text("quoted")])]),
            ]
        );
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        let blocks = parse(
            "[report](https://example.org/r) [mail](mailto:press@example.org) \
             [bad](javascript:alert(1)) [rel](/releases/x/) [data](data:text/html,x)",
        );
        let Block::Paragraph(inlines) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let hrefs: Vec<&str> = inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Link { href, .. } => Some(href.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(hrefs, ["https://example.org/r", "mailto:press@example.org"]);
        assert!(inlines.contains(&text(" bad rel data")), "{inlines:?}");
    }

    #[test]
    fn raw_html_stays_text() {
        let blocks = parse("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("<script>alert(1)</script>")]),
                Block::Paragraph(vec![text("Hi <b onclick=x>there</b>")]),
            ]
        );
    }

    #[test]
    fn plain_text_keeps_words_and_drops_markup_and_addresses() {
        let plain = plain_text(
            "## Aims\n\nRead *the* [report](https://example.org/secretword).\n\n- a\n- b",
        );
        assert_eq!(plain, "Aims\n\nRead the report.\n\na\n\nb");
        assert!(!plain.contains("secretword"));
        assert!(!plain.contains('*') && !plain.contains('#'));
    }

    #[test]
    fn plain_paragraphs_read_as_before() {
        // Bodies written before Markdown are paragraphs separated by blank lines.
        let blocks = parse("First paragraph.\n\nSecond paragraph.");
        assert_eq!(blocks.len(), 2);
        assert_eq!(plain_text("First.\n\nSecond."), "First.\n\nSecond.");
    }
}

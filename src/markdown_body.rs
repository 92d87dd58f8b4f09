//! A release body as elements: the build parses its Markdown into a tree of
//! supported blocks and inlines (see `newsroom_engine::markdown`) and the
//! body shards carry that tree; this only maps it to Leptos elements, so
//! nothing in a body is ever inserted as HTML.

use leptos::prelude::*;

use newsroom_engine::markdown::{Block, Inline};

#[component]
pub fn MarkdownBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="release__body">{blocks_view(blocks)}</div> }
}

fn blocks_view(blocks: Vec<Block>) -> AnyView {
    blocks.into_iter().map(block_view).collect_view().into_any()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::Plain(content) => inlines_view(content),
        Block::Heading { level: 2, content } => {
            view! { <h2>{inlines_view(content)}</h2> }.into_any()
        }
        Block::Heading { level: 3, content } => {
            view! { <h3>{inlines_view(content)}</h3> }.into_any()
        }
        Block::Heading { content, .. } => view! { <h4>{inlines_view(content)}</h4> }.into_any(),
        Block::List { start, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{blocks_view(item)}</li> })
                .collect_view();
            match start {
                Some(start) => {
                    let start = (start != 1).then(|| start.to_string());
                    view! { <ol start=start>{items}</ol> }.into_any()
                }
                None => view! { <ul>{items}</ul> }.into_any(),
            }
        }
        Block::Quote(blocks) => view! { <blockquote>{blocks_view(blocks)}</blockquote> }.into_any(),
        Block::Code(text) => view! { <pre><code>{text}</code></pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn inlines_view(inlines: Vec<Inline>) -> AnyView {
    inlines
        .into_iter()
        .map(inline_view)
        .collect_view()
        .into_any()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines_view(content)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines_view(content)}</strong> }.into_any(),
        Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
        Inline::Link { href, content } => {
            view! { <a href=href>{inlines_view(content)}</a> }.into_any()
        }
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}

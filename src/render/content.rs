//! `pages/<slug>/`: the project's own markdown pages (method notes, lessons learnt).

use super::view::Section;
use super::{Ctx, OutputFile};
use crate::error::Error;

pub fn pages(ctx: &Ctx<'_>) -> Result<Vec<OutputFile>, Error> {
    ctx.model
        .pages
        .iter()
        .filter(|page| page.slug != super::report::NARRATIVE_SLUG)
        .map(|page| {
            let path = format!("pages/{}/index.html", page.slug);
            let mut view = ctx.view(&path, "pages", page.title.clone());
            view.sections
                .push(Section::new("content", "").html(ctx.markdown_body(&page.markdown, 0)));
            ctx.render("page.html", &path, view)
        })
        .collect()
}

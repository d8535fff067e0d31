//! The single file's rewriting, on small hand-written sites.

use super::*;

fn file(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn hrefs_resolve_inside_the_site_only() {
    assert_eq!(
        resolve("report/index.html", "../assets/style.css").as_deref(),
        Some("assets/style.css")
    );
    assert_eq!(
        resolve("a/b/index.html", "../../index.html#x").as_deref(),
        Some("index.html")
    );
    assert_eq!(resolve("index.html", "../outside.css"), None);
    assert_eq!(resolve("index.html", "https://example.com/x.png"), None);
    assert_eq!(resolve("index.html", "mailto:a@b.se"), None);
    assert_eq!(resolve("index.html", "//cdn.example.com/x.css"), None);
    assert_eq!(resolve("index.html", "/etc/passwd"), None);
}

#[test]
fn anchors_name_pages() {
    assert_eq!(anchor("index.html"), "home");
    assert_eq!(anchor("report/index.html"), "report");
    assert_eq!(anchor("sellers/anna/index.html"), "sellers-anna");
    assert_eq!(id_in("report/index.html", "risks"), "report--risks");
}

#[test]
fn the_report_inlines_styles_and_pictures_and_drops_links() {
    let files = [
        file(
            REPORT_PAGE,
            "<html><head><link rel=\"stylesheet\" href=\"../assets/style.css\"><link rel=\"icon\" href=\"../assets/i.svg\"></head><body><header><nav><a href=\"../index.html\">Home</a></nav></header><main><img src=\"../assets/i.svg\" alt=\"logo\"><img src=\"https://x.example/p.png\" alt=\"a &lt;b&gt;\"><a href=\"../pipeline/index.html\">P</a> <a href=\"#risks\">R</a> <a href=\"../data/x.csv\" download>CSV</a><script>alert(1)</script></main></body></html>",
        ),
        file("assets/style.css", "main { background: url('i.svg'); }"),
        file("assets/i.svg", "<svg/>"),
    ];
    let html = report(&files).expect("bundles");
    // "<svg/>" in base64 is "PHN2Zy8+".
    assert_eq!(
        html,
        "<html><head><style>\nmain { background: url(\"data:image/svg+xml;base64,PHN2Zy8+\"); }</style><link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\"></head><body><header></header><main><img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"logo\">a &lt;b&gt;<a>P</a> <a href=\"#risks\">R</a> <a>CSV</a></main></body></html>"
    );
}

#[test]
fn a_stylesheet_reaching_outside_is_an_error() {
    let files = [
        file(
            REPORT_PAGE,
            "<link rel=\"stylesheet\" href=\"../assets/style.css\"><main></main>",
        ),
        file(
            "assets/style.css",
            "body { background: url(https://x.example/bg.png) }",
        ),
    ];
    let error = report(&files).expect_err("refuses").to_string();
    assert_eq!(
        error,
        "single file: assets/style.css refers to https://x.example/bg.png, which is not a picture in the site"
    );
}

#[test]
fn the_whole_site_links_pages_by_anchor() {
    let files = [
        file(
            "index.html",
            "<html><head></head><body class=\"page-home\"><nav><a href=\"report/index.html\">R</a></nav><main id=\"main\"><h1>Home</h1><a href=\"report/index.html#risks\">risks</a></main><footer>f</footer></body></html>",
        ),
        file(
            REPORT_PAGE,
            "<html><body class=\"page-report\"><main id=\"main\"><section id=\"risks\"><a href=\"../index.html\">home</a></section></main></body></html>",
        ),
    ];
    let html = whole_site(&files).expect("bundles");
    assert_eq!(
        html,
        "<html><head></head><body class=\"page-home\"><nav><a href=\"#report\">R</a></nav><main id=\"home--main\" class=\"single-site\">\n<div class=\"site-page page-home\" id=\"home\"><h1>Home</h1><a href=\"#report--risks\">risks</a></div>\n<div class=\"site-page page-report\" id=\"report\"><section id=\"report--risks\"><a href=\"#home\">home</a></section></div>\n</main><footer>f</footer></body></html>"
    );
}

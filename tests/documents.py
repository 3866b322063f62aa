"""Real-shaped input files made by the tests themselves: PDF pages, news pages in HTML.

A PDF is written object by object with a correct cross-reference table, as a PDF producer
would write it (pypdf reads PDFs but does not lay out text), each line of a page one text
line set in Helvetica.
"""

from __future__ import annotations

import json


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """A valid PDF of `pages`, each a list of text lines, with `title` in its info."""
    objects: list[str] = []
    page_ids = [3 + 2 * n for n in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    for n, lines in enumerate(pages):
        content = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
        for line in lines:
            content += [f"{_pdf_string(line)} Tj", "T*"]
        content.append("ET")
        stream = "\n".join(content)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_ids[n] + 1} 0 R >>"
        )
        objects.append(
            f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream"
        )
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title {_pdf_string(title)} >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("latin-1")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("latin-1")
    return bytes(out)


def make_page(
    paragraphs: list[str],
    *,
    title: str,
    outlet: str,
    published: str,
    url: str,
    json_ld: bool = True,
) -> str:
    """A news page as outlets publish them: metadata in <head> (OpenGraph, and JSON-LD when
    `json_ld`), navigation, the article, a footer with numbers of its own."""
    ld = ""
    if json_ld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published,
            "publisher": {"@type": "Organization", "name": outlet},
        }
        ld = f'<script type="application/ld+json">\n{json.dumps(data, indent=1)}\n</script>\n'
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} | {outlet}</title>\n"
        f'<meta property="og:title" content="{title}">\n'
        f'<meta property="og:site_name" content="{outlet}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="article:published_time" content="{published}">\n'
        f"{ld}"
        "<style>p { margin: 0 }</style>\n</head>\n<body>\n"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/live">Live: 24 hours</a>'
        "</nav>\n<article>\n"
        f"<h1>{title}</h1>\n{body}\n</article>\n"
        "<!-- 999 drones -->\n"
        f"<footer>© 2024 {outlet}. 12 newsrooms in 40 countries.</footer>\n</body>\n</html>\n"
    )

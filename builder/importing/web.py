"""Web pages saved from a browser: the main content found by trafilatura, then our Markdown.

trafilatura decides what is content and what is navigation, banners, share buttons, calls to
action, related-article rails, sidebars and footers (docs/import.md says why trafilatura and not
readability-lxml). Its output is an XML tree of a few elements (`head`, `p`, `list`, `table`,
`hi`, `ref`, `graphic`, ...), which `_to_html` renames to the HTML tags `import_markdown` writes.

What trafilatura does not read is read here from the page itself: the questions of `<details>`
accordions and of schema.org FAQPage markup (JSON-LD and microdata), the page's canonical URL
(or the "saved from url" comment a browser adds), and the names the site calls itself by, which
the advertising warnings look for in the content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import SourceError
from .markdown import QA, Block, ImageSink, html_blocks

#: Pages larger than this are refused (trafilatura's own limit is 20 MB).
MAX_PAGE_BYTES = 10 * 1024 * 1024

#: Extracted text shorter than this is not an article.
MIN_CONTENT_CHARS = 200

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ORGANISATION_TYPES = {
    "organization", "medicalorganization", "hospital", "medicalclinic", "physician",
    "localbusiness", "healthandbeautybusiness", "dentist", "pharmacy", "corporation",
    "ngo", "website",
}  # fmt: skip


@dataclass
class WebPage:
    """What a saved page gives the importer."""

    title: str
    #: The page's canonical URL, or the file's name.
    source: str
    publisher: str | None
    date: str | None
    blocks: list[Block]
    #: Questions the page marks as FAQ (`<details>` summaries, FAQPage questions).
    questions: list[str] = field(default_factory=list)
    #: FAQPage questions with their answers (HTML).
    faq: list[QA] = field(default_factory=list)
    #: Names the site calls itself by (site name, organisation, host name).
    brands: list[str] = field(default_factory=list)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    starts = (b"<!doctype html", b"<html", b"<!--", b"<head", b"<meta", b"<body")
    return head.startswith(starts) or any(tag in head for tag in (b"<html", b"<body", b"<div"))


def decode(data: bytes) -> str:
    """The page's text: a byte-order mark, then the declared charset, then UTF-8, then
    Windows-1252 (what browsers assume for an undeclared old page)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_web_page(path: Path, data: bytes, images: ImageSink) -> WebPage:
    """The saved page at `path` (its bytes `data`) as the importer's blocks and metadata."""
    import lxml.html
    import trafilatura
    from lxml import etree

    text = decode(data)
    if not text.strip():
        raise SourceError("the page is empty; save the page again from the browser", path)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(f"cannot be read as HTML ({exc}); save the page again", path) from exc
    visible = tree.xpath(
        "//body//text()[not(ancestor::script) and not(ancestor::style) and "
        "not(ancestor::noscript) and not(ancestor::template)]"
    )
    if not _SPACE.sub("", "".join(visible)):
        raise SourceError("the page has no text; save the page again from the browser", path)

    try:
        document = trafilatura.bare_extraction(
            tree,
            include_comments=False,
            include_tables=True,
            include_images=True,
            include_formatting=True,
            include_links=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # the extractor failing on a page is a page it cannot read
        raise SourceError(
            f"the page cannot be read ({type(exc).__name__}: {exc}); save it again from the "
            "browser, or copy the article into a Word file and import that",
            path,
        ) from exc
    body = getattr(document, "body", None)
    if (
        document is None
        or body is None
        or len(_SPACE.sub(" ", body.xpath("string()"))) < (MIN_CONTENT_CHARS)
    ):
        raise SourceError(
            "no main content found (the page may be only navigation, or its text may be "
            "loaded by a script); open the page in a browser, use its reader view or "
            "'Save as… Web page, complete', or copy the text into a Word file and import that",
            path,
        )

    saved_from = _SAVED_FROM.search(data[:4096])
    canonical = _clean(getattr(document, "url", None)) or (
        saved_from.group(1).decode("utf-8", "replace") if saved_from else None
    )
    title = _clean(getattr(document, "title", None)) or _clean(tree.findtext(".//title")) or ""
    publisher = _clean(getattr(document, "sitename", None))
    date = _clean(getattr(document, "date", None))

    jsonld = list(_json_ld(tree))
    questions = [_SPACE.sub(" ", s.text_content()).strip() for s in tree.iter("summary")]
    faq = _faq_jsonld(jsonld) + _faq_microdata(tree)
    brands = _brands(publisher, canonical, jsonld)

    blocks = html_blocks(_to_html(body), images)
    return WebPage(
        title=title,
        source=canonical or path.name,
        publisher=publisher,
        date=date,
        blocks=blocks,
        questions=[q for q in questions if q],
        faq=faq,
        brands=brands,
    )


_SPACE = re.compile(r"\s+")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


_XML_TO_HTML = {"list": "ul", "item": "li", "row": "tr", "lb": "br", "graphic": "img",
                "ref": "a", "quote": "blockquote", "code": "pre", "del": "s"}  # fmt: skip
_REND_TO_HTML = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}


def _to_html(body: Any) -> Any:
    """trafilatura's XML elements renamed to the HTML tags they stand for (in place)."""
    for element in body.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        rend = element.get("rend") or ""
        if tag == "head":
            element.tag = rend if re.fullmatch(r"h[1-6]", rend) else "summary"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "dl" if rend == "dl" else "ul"
            if rend == "dl":
                for item in element:
                    item_rend = item.get("rend") or ""
                    item.tag = "dt" if item_rend.startswith("dt") else "dd"
                    item.attrib.pop("rend", None)
        elif tag == "hi":
            element.tag = _REND_TO_HTML.get(rend, "span")
        elif tag == "cell":
            element.tag = "th" if element.get("role") == "head" else "td"
        elif tag == "ref":
            element.tag = "a"
            element.set("href", element.attrib.pop("target", ""))
        elif tag in _XML_TO_HTML:
            element.tag = _XML_TO_HTML[tag]
    return body


# -- what the page says about itself ------------------------------------------------------------


def _json_ld(tree: Any) -> Iterator[Any]:
    """Every object of the page's JSON-LD scripts (nested lists and @graph flattened)."""
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "acceptedAnswer", "publisher", "author", "isPartOf"):
            if key in data:
                yield from _objects(data[key])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _faq_jsonld(objects: list[dict[str, Any]]) -> list[QA]:
    """Questions of FAQPage objects, `@id` references resolved within the page."""
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    found: list[QA] = []
    seen: set[str] = set()
    for page in objects:
        if "faqpage" not in _types(page):
            continue
        entities = page.get("mainEntity", [])
        for entity in entities if isinstance(entities, list) else [entities]:
            if isinstance(entity, dict) and set(entity) <= {"@id"}:
                entity = by_id.get(entity.get("@id", ""), entity)
            if not isinstance(entity, dict) or "question" not in _types(entity):
                continue
            name = _clean(entity.get("name")) or _clean(entity.get("text"))
            answer = entity.get("acceptedAnswer") or entity.get("suggestedAnswer")
            if isinstance(answer, list):
                answer = answer[0] if answer else None
            if isinstance(answer, dict) and set(answer) <= {"@id"}:
                answer = by_id.get(answer.get("@id", ""), answer)
            text = answer.get("text") if isinstance(answer, dict) else None
            if name and isinstance(text, str) and text.strip() and name not in seen:
                seen.add(name)
                found.append(QA(name, text))
    return found


def _faq_microdata(tree: Any) -> list[QA]:
    """Questions marked up as schema.org microdata (`itemtype=".../Question"`)."""
    found: list[QA] = []
    for question in tree.xpath('//*[contains(@itemtype, "schema.org/Question")]'):
        names = question.xpath('.//*[@itemprop="name"]')
        answers = question.xpath(
            './/*[@itemprop="acceptedAnswer" or @itemprop="suggestedAnswer"]//*[@itemprop="text"]'
        )
        if names and answers:
            import lxml.html

            name = _SPACE.sub(" ", names[0].text_content()).strip()
            answer = "".join(
                lxml.html.tostring(child, encoding="unicode") for child in answers[0]
            ) or (answers[0].text or "")
            if answers[0].text and len(answers[0]):
                answer = answers[0].text + answer
            if name and answer.strip():
                found.append(QA(name, answer))
    return found


def _brands(publisher: str | None, url: str | None, objects: list[dict[str, Any]]) -> list[str]:
    """Names the site calls itself by: its site name, the organisation its JSON-LD names, and
    its host name's main label (`www.riverside-clinic.example` -> "riverside clinic")."""
    names: list[str] = []
    if publisher:
        names.append(publisher)
    for obj in objects:
        if _types(obj) & _ORGANISATION_TYPES:
            name = _clean(obj.get("name"))
            if name:
                names.append(name)
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        labels = [label for label in host.split(".") if label]
        if len(labels) >= 2:
            main = max(labels[:-1], key=len)
            if len(main) >= 4:
                names.append(main.replace("-", " "))
    unique: list[str] = []
    for name in names:
        if name.casefold() not in (u.casefold() for u in unique) and len(name) >= 3:
            unique.append(name)
    return unique

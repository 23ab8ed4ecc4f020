#!/usr/bin/python3
"""Regenerate the Word 97–2003 (.doc/.wps), scanned-PDF and PDF-table
samples with the tools people use: LibreOffice headless saving Word
binary files and printing a .docx to PDF (from the .docx make-samples.py writes, and from a flat ODF
document with a footnote, a reviewer comment, a hyperlink field and a page
field), pdftoppm + img2pdf turning a text PDF into an image-only "scan",
reportlab printing a 偏离表 to PDF.

Needs Debian's libreoffice-writer-nogui poppler-utils img2pdf
python3-reportlab fonts-wqy-microhei, and make-samples.py run first (it
writes testdata/formats/tender.docx and commitment.pdf). The outputs are
committed; tests never run this script.

    /usr/bin/python3 scripts/make-legacy-samples.py
"""
import os, shutil, struct, subprocess, tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata")
FORMATS, INBOX, BAD, OCR = (os.path.join(ROOT, d) for d in ("formats", "inbox", "bad", "ocr"))

# A service commitment with the parts a .doc reader must get right: headings,
# a table, a footnote, a reviewer comment, a hyperlink field (its code is
# dropped, its text kept) and a PAGE field in the footer.
FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p>某某家电有限公司 售后服务承诺书</text:p></style:header>
  <style:footer><text:p>第 <text:page-number text:select-page="current">1</text:page-number> 页</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
<text:h text:outline-level="1">售后服务承诺书</text:h>
<text:h text:outline-level="2">一、退换货</text:h>
<text:p>自顾客签收商品之日起7日内，商品完好的可以无理由退货；15日内出现性能故障的，可以选择换货或者修理。</text:p>
<text:h text:outline-level="2">二、保修</text:h>
<text:p>整机保修期为一年<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>压缩机等主要部件保修期为三年。</text:p></text:note-body></text:note>，保修期自开具发票之日起计算。</text:p>
<text:h text:outline-level="2">三、服务时效</text:h>
<table:table table:name="T1">
 <table:table-column table:number-columns-repeated="2"/>
 <table:table-row><table:table-cell office:value-type="string"><text:p>服务项目</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>承诺</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>响应</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>接到报修后24小时内响应</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>上门</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>48小时内上门</text:p><text:p>偏远地区另行约定</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>维修时间不超过15个工作日。<office:annotation><dc:creator>审核人</dc:creator><text:p>请法务确认本段措辞。</text:p></office:annotation></text:p>
<text:p>投诉渠道：<text:a xlink:type="simple" xlink:href="https://www.12315.cn/">全国12315平台</text:a></text:p>
<text:p>因质量问题产生的退换货运费由本公司承担。</text:p>
</office:text></office:body></office:document>
"""


def soffice(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scanned_pdf(text_pdf, path, dpi=150):
    """Render each page of a text PDF to a picture and wrap the pictures in
    a PDF with no text layer: what a scanner hands over."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", text_pdf, os.path.join(tmp, "p")], check=True)
        pages = sorted(os.path.join(tmp, f) for f in os.listdir(tmp))
        subprocess.run(["img2pdf", "--pagesize", "A4", "-o", path] + pages, check=True)


DEVIATION_ROWS = [
    ("序号", "招标文件要求", "投标文件响应", "偏离情况"),
    ("1", "整机免费质保不少于三年", "整机免费质保五年", "正偏离"),
    ("2", "2小时内响应", "接到通知后1小时内响应", "正偏离"),
    ("3", "备件供应期不少于五年", "停产后备件供应期八年", "正偏离"),
]


def deviation_pdf(path):
    """A 偏离表 printed to PDF: a title, then four columns of text with no
    ruling lines, as Word prints a borderless table."""
    c = canvas.Canvas(path, pagesize=A4)
    c.setFont("WQY", 14)
    c.drawString(60, 790, "商务条款偏离表")
    c.setFont("WQY", 10.5)
    xs = (60, 100, 250, 430)
    y = 760
    for row in DEVIATION_ROWS:
        for x, text in zip(xs, row):
            c.drawString(x, y, text)
        y -= 22
    c.drawString(60, y - 10, "投标人：某某医疗科技有限公司")
    c.showPage()
    c.save()


def main():
    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    with tempfile.TemporaryDirectory() as tmp:
        # tender.doc: the same document as tender.docx, saved by LibreOffice
        # in Word 97–2003 format.
        shutil.copy(os.path.join(FORMATS, "tender.docx"), os.path.join(tmp, "tender.docx"))
        soffice(os.path.join(tmp, "tender.docx"), "doc", tmp)
        shutil.copy(os.path.join(tmp, "tender.doc"), os.path.join(FORMATS, "tender_word97.doc"))
        # tender.pdf: the .docx printed to PDF, its 商务要求 table with it.
        soffice(os.path.join(tmp, "tender.docx"), "pdf", tmp)
        shutil.copy(os.path.join(tmp, "tender.pdf"), os.path.join(FORMATS, "tender_printed.pdf"))

        # commitment_notes.{docx,doc}: one source, both formats. WPS Office
        # saves .wps in the same Word binary format, so the .doc is also the
        # inbox's .wps.
        src = os.path.join(tmp, "commitment_notes.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(FODT)
        soffice(src, "docx", tmp)
        soffice(src, "doc", tmp)
        shutil.copy(os.path.join(tmp, "commitment_notes.docx"), os.path.join(FORMATS, "commitment_notes.docx"))
        shutil.copy(os.path.join(tmp, "commitment_notes.doc"), os.path.join(FORMATS, "commitment_notes_word97.doc"))

    # The scan lives apart from testdata/formats, whose every file has a
    # golden report: what OCR reads depends on the Tesseract installed.
    os.makedirs(OCR, exist_ok=True)
    scanned_pdf(os.path.join(FORMATS, "commitment.pdf"), os.path.join(OCR, "commitment_scan.pdf"))
    deviation_pdf(os.path.join(FORMATS, "deviation_printed.pdf"))

    shutil.copy(os.path.join(FORMATS, "tender_word97.doc"), os.path.join(INBOX, "08_tender.doc"))
    shutil.copy(os.path.join(FORMATS, "commitment_notes_word97.doc"), os.path.join(INBOX, "09_commitment.wps"))
    shutil.copy(os.path.join(OCR, "commitment_scan.pdf"), os.path.join(INBOX, "10_commitment_scan.pdf"))

    # Bad Word binary files: truncated; marked encrypted in the FIB (the
    # flag is what a reader must honour; the text behind it stays plain);
    # a .wps that is not OLE2 at all, as the pre-2005 Kingsoft formats are.
    data = open(os.path.join(FORMATS, "tender_word97.doc"), "rb").read()
    open(os.path.join(BAD, "truncated.doc"), "wb").write(data[: len(data) // 3])
    enc = bytearray(data)
    at = word_document_offset(enc)
    flags = struct.unpack_from("<H", enc, at + 10)[0] | 0x0100
    struct.pack_into("<H", enc, at + 10, flags)
    open(os.path.join(BAD, "encrypted.doc"), "wb").write(bytes(enc))
    # Two PDFs joined by poppler's pdfunite: a form of PDF whose pages the
    # PDF library does not find; it must not be mistaken for a scan.
    subprocess.run(["pdfunite", os.path.join(FORMATS, "commitment_cid.pdf"), os.path.join(FORMATS, "commitment_cid.pdf"),
                    os.path.join(BAD, "unfollowed.pdf")], check=True)
    open(os.path.join(BAD, "kingsoft.wps"), "wb").write(b"WPS\x00\x01\x02" + "金山文字".encode("gb18030") + bytes(range(1, 200)) * 4)


def word_document_offset(b):
    """Where the WordDocument stream starts: the sector that opens with the
    FIB's magic (0xA5EC) and a Word 97+ version (nFib 0xC1-0x1FF)."""
    for at in range(512, len(b), 512):
        if b[at:at + 2] == b"\xEC\xA5" and b[at + 3] in (0, 1):
            return at
    raise SystemExit("no WordDocument stream")


if __name__ == "__main__":
    main()

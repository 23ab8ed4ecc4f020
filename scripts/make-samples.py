#!/usr/bin/python3
"""Regenerate the real-format samples in testdata/formats, testdata/inbox
and testdata/bad with the producers people use: python-docx and openpyxl
(the same XML Word and Excel write), reportlab for PDFs, msoffcrypto-tool
for an Excel file encrypted the way Office encrypts.

Needs Debian's python3-docx python3-openpyxl python3-reportlab
python3-msoffcrypto-tool fonts-wqy-microhei. The outputs are committed;
tests never run this script.

    /usr/bin/python3 scripts/make-samples.py
"""
import io, os, shutil, zipfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib import pdfencrypt

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata")
FORMATS, INBOX, BAD = (os.path.join(ROOT, d) for d in ("formats", "inbox", "bad"))
for d in (FORMATS, INBOX, BAD):
    os.makedirs(d, exist_ok=True)


def tender_docx(path):
    doc = Document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "某市人民医院设备采购项目 招标文件"
    sec.footer.paragraphs[0].text = "第 1 页"
    doc.add_heading("第三章 采购需求", level=1)
    doc.add_heading("一、商务要求", level=2)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "项目", "要求")):
        cell.text = text
    rows = [
        ("1", "质保期", "整机免费质保不少于三年，自验收合格之日起计算。"),
        ("2", "响应时间", "接到故障通知后2小时内响应"),
        ("3", "备件供应", "停产后备件供应期不少于五年。"),
    ]
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    # A second paragraph in a cell: 到达现场 is its own statement.
    table.rows[2].cells[2].add_paragraph("24小时内到达现场。")
    doc.add_heading("二、服务要求", level=2)
    # One sentence split over runs of different formatting, as Word saves
    # text that was edited or partly bolded.
    p = doc.add_paragraph()
    for text, bold in (("质保期内", False), ("免费", True), ("上门维修，修复时间不超过", False), ("48", True), ("小时。", False)):
        p.add_run(text).bold = bold
    doc.add_paragraph("投标人须提供7×24小时服务热线。", style="List Number")
    doc.add_paragraph("维修期间须免费提供备用设备。", style="List Number")
    # A tracked change: the reviewer replaced 两年 by 三年; only 三年 shows.
    p = doc.add_paragraph("软件免费升级期：")
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "1")
    deleted.set(qn("w:author"), "审核人")
    run = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = "两年"
    run.append(dt)
    deleted.append(run)
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "2")
    inserted.set(qn("w:author"), "审核人")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "三年"
    run.append(t)
    inserted.append(run)
    p._p.append(deleted)
    p._p.append(inserted)
    doc.save(path)


def bid_deviation_xlsx(path):
    """A bid's 偏离表 against testdata/compare/tender_hospital.txt: the
    tender column repeats the demands, the response column answers, one row
    declares 负偏离 without a figure."""
    wb = Workbook()
    ws = wb.active
    ws.title = "商务偏离表"
    ws["A1"] = "商务条款偏离表"
    ws.merge_cells("A1:D1")
    ws.append(["序号", "招标文件要求", "投标文件响应", "偏离情况"])
    ws.append([1, "整机免费质保不少于五年", "整机免费质保五年", "无偏离"])
    ws.append([2, "接到报修后1小时内响应", "接到报修后1小时内响应", "无偏离"])
    ws.append([3, "8小时内到达现场", "按约定时间到达", "负偏离"])
    ws.append([4, "48小时内修复", "36小时内修复", "正偏离"])
    ws.append([5, "须具备ISO9001和ISO14001认证", "具备ISO9001、ISO14001认证", "无偏离"])
    ws.append([6, "须提供产品责任险保单", "提供产品责任险保单", "无偏离"])
    wb.save(path)


def deviation_xlsx(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "商务偏离表"
    ws["A1"] = "商务条款偏离表"
    ws.merge_cells("A1:D1")
    ws.append(["序号", "招标文件要求", "投标文件响应", "偏离情况"])
    ws.append([1, "整机免费质保不少于三年", "整机免费质保五年", "正偏离"])
    ws.append([2, "2小时内响应", "接到通知后1小时内响应，4小时内到达现场", "正偏离"])
    ws.append([3, "备件供应期不少于五年", "停产后备件供应期八年", "正偏离"])
    ws2 = wb.create_sheet("声明")
    ws2["A1"] = "投标人：某某医疗科技有限公司"
    ws2["A3"] = "我方承诺：故障维修\n修复时间不超过24小时。"
    wb.save(path)


HTML = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>售后服务政策 - 某某电器商城</title>
<style>.notice { color: red } /* 3天内 */</style>
<script>var returnDays = 3; // 3天内退货 is code, not policy
</script>
</head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/help">帮助中心</a></nav>
<h1>售后服务政策</h1>
<div class="notice" style="display: none">30天无理由退货（旧版，已下线）</div>
<p>一、自签收之日起&nbsp;7&nbsp;日内，商品完好可申请<b>无理由</b>退货。</p>
<p>二、换货：收货后<strong>10</strong>日内出现性能故障可换货。</p>
<h2>三包有效期</h2>
<table>
<tr><th>部件</th><th>保修期</th></tr>
<tr><td>整机</td><td>一年</td></tr>
<tr><td>压缩机</td><td>三年</td></tr>
</table>
<p>客服热线：400-800-1234<br>
投诉渠道：12315</p>
<p>本活动最终解释权归本公司所有。</p>
<!-- 15天内换货 was removed -->
</body>
</html>
"""

PDF_LINES = [
    "某某家电有限公司售后服务承诺书",
    "一、退换货",
    "自顾客签收商品之日起7日内，商品完好的可以无理由退货；15日内出",
    "现性能故障的，可以选择换货或者修理。",
    "二、保修",
    "整机保修期为一年，主要部件保修期为三年，保修期自开具发票之日起",
    "计算。",
    "三、服务时效",
    "接到报修后24小时内响应，48小时内上门，维修时间不超过",
    "15个工作日。",
]
PDF_PAGE2 = [
    "四、费用",
    "因质量问题产生的退换货运费由本公司承担。",
    "五、其他",
    "本承诺书最终解释权归本公司所有。",
]


def text_pdf(path, font, encrypt=None):
    c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt)
    for n, lines in enumerate((PDF_LINES, PDF_PAGE2), 1):
        c.setFont(font, 12)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 22
        c.setFont(font, 9)
        c.drawString(280, 40, f"第 {n} 页")
        c.showPage()
    c.save()


def scan_pdf(path):
    c = canvas.Canvas(path, pagesize=A4)
    # A "scanned page": only graphics, no text operators.
    for i in range(30):
        c.rect(60, 780 - i * 22, 300 + (i * 37) % 150, 10, fill=1, stroke=0)
    c.showPage()
    c.save()


def encrypted_office(path):
    """Write the container Office uses for a password-protected .xlsx: an
    OLE2 compound file holding EncryptionInfo and EncryptedPackage streams
    (MS-OFFCRYPTO). Debian's msoffcrypto-tool 5.0 only decrypts, so the
    container is written here; the stream contents are random, which is all
    a reader that refuses encrypted files may look at."""
    import struct
    free, end, fatsect, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    info, package = os.urandom(4096), os.urandom(8192)
    fat = [fatsect, end] + list(range(3, 10)) + [end] + list(range(11, 26)) + [end]
    fat += [free] * (128 - len(fat))
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *([free] * 108))

    def entry(name, kind, color, left, right, child, start, size):
        n = (name + "\0").encode("utf-16-le") if name else b""
        return (n.ljust(64, b"\0") + struct.pack("<HBBIII", len(n), kind, color, left, right, child)
                + bytes(16) + bytes(4) + bytes(16) + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, nostream, nostream, 1, end, 0)
    directory += entry("EncryptedPackage", 2, 1, 2, nostream, nostream, 10, len(package))
    directory += entry("EncryptionInfo", 2, 0, nostream, nostream, nostream, 2, len(info))
    directory += entry("", 0, 0, nostream, nostream, nostream, 0, 0)
    with open(path, "wb") as f:
        f.write(header + struct.pack("<128I", *fat) + directory + info + package)


def main():
    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    tender_docx(os.path.join(FORMATS, "tender.docx"))
    bid_deviation_xlsx(os.path.join(ROOT, "compare", "bid_c_deviation.xlsx"))
    deviation_xlsx(os.path.join(FORMATS, "deviation.xlsx"))
    with open(os.path.join(FORMATS, "policy.html"), "w", encoding="utf-8") as f:
        f.write(HTML)
    with open(os.path.join(FORMATS, "policy_gbk.html"), "wb") as f:
        f.write(HTML.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    text_pdf(os.path.join(FORMATS, "commitment.pdf"), "WQY")
    text_pdf(os.path.join(FORMATS, "commitment_cid.pdf"), "STSong-Light")

    # The folder of the done-means case.
    shutil.copy(os.path.join(FORMATS, "tender.docx"), os.path.join(INBOX, "01_tender.docx"))
    shutil.copy(os.path.join(FORMATS, "deviation.xlsx"), os.path.join(INBOX, "02_deviation.xlsx"))
    shutil.copy(os.path.join(ROOT, "policies", "gbk_policy.txt"), os.path.join(INBOX, "03_policy_gbk.txt"))
    shutil.copy(os.path.join(FORMATS, "policy.html"), os.path.join(INBOX, "04_policy.html"))
    shutil.copy(os.path.join(FORMATS, "commitment.pdf"), os.path.join(INBOX, "05_commitment.pdf"))
    data = open(os.path.join(FORMATS, "tender.docx"), "rb").read()
    open(os.path.join(INBOX, "06_corrupt.docx"), "wb").write(data[: len(data) // 2])
    open(os.path.join(INBOX, "07_empty.txt"), "wb").close()

    # Bad input, one file per case the readers must refuse clearly.
    open(os.path.join(BAD, "empty.txt"), "wb").close()
    open(os.path.join(BAD, "blank.txt"), "w").write("  \n\t\n　\n")
    open(os.path.join(BAD, "binary.txt"), "wb").write(bytes(range(256)) * 8)
    open(os.path.join(BAD, "nul.txt"), "wb").write("自签收之日起7日内可退货。".encode() + b"\x00\x00\x00" + "15日内可换货。".encode())
    open(os.path.join(BAD, "invalid.txt"), "wb").write(bytes([0x81, 0x20, 0xFE, 0x7F, 0xC0, 0x80, 0xFF, 0x30]) * 64)
    open(os.path.join(BAD, "truncated.docx"), "wb").write(data[: len(data) // 2])
    garbled = bytearray(open(os.path.join(FORMATS, "deviation.xlsx"), "rb").read())
    for i in range(200, len(garbled) - 200, 97):
        garbled[i] ^= 0x5A
    open(os.path.join(BAD, "corrupt.xlsx"), "wb").write(bytes(garbled))
    with zipfile.ZipFile(os.path.join(BAD, "zipbomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        body = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        z.writestr("word/document.xml", body + " " * (60 << 20) + "</w:body></w:document>")
    text_pdf(os.path.join(BAD, "encrypted.pdf"), "WQY", encrypt=pdfencrypt.StandardEncryption("user-pw", "owner-pw", canPrint=1))
    scan_pdf(os.path.join(BAD, "scan.pdf"))
    open(os.path.join(BAD, "truncated.pdf"), "wb").write(open(os.path.join(FORMATS, "commitment.pdf"), "rb").read()[:1500])
    encrypted_office(os.path.join(BAD, "encrypted.xlsx"))

if __name__ == "__main__":
    main()

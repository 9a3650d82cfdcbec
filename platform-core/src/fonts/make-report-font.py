#!/usr/bin/python3
"""Build the CJK font that the qualification-health PDF embeds.

Takes the Simplified Chinese face of Noto Sans CJK Regular (Debian package fonts-noto-cjk). Keeps the characters
the report can show: ASCII, Latin-1, general and CJK punctuation, arrows, circled numbers, geometric shapes,
full-width forms and the 6,763 hanzi of GB 2312. Drops layout tables and hinting, and converts the cubic CFF
outlines to quadratic TrueType (glyf) outlines with fontTools' cu2qu at a tolerance of 1 font unit. The CFF subset
that OpenPDF 3.0.5 embeds from an OpenType/CFF font showed no hanzi in pdf.js or poppler, and the TrueType subset
does.

Needs Debian's python3-fonttools. Usage:
    /usr/bin/python3 make-report-font.py [SOURCE_TTC] OUTPUT_TTF
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

DEFAULT_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SIMPLIFIED_CHINESE_FACE = 2
TOLERANCE_FONT_UNITS = 1.0


def report_code_points():
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    points |= set(range(0x2190, 0x2200)) | set(range(0x2460, 0x2500)) | set(range(0x25A0, 0x2600))
    points |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return points


def subset_face(source):
    font = TTFont(source, fontNumber=SIMPLIFIED_CHINESE_FACE)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    # OpenPDF lays text out horizontally without shaping, so layout and vertical-metrics tables are dead weight.
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=report_code_points())
    subsetter.subset(font)
    return font


def to_truetype_outlines(font):
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, TOLERANCE_FONT_UNITS, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp

    # Glyph names are not needed to render or extract text, so the post table carries none.
    font["post"].formatType = 3.0
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(arguments):
    source, output = (arguments[0], arguments[1]) if len(arguments) == 2 else (DEFAULT_SOURCE, arguments[0])
    font = subset_face(source)
    to_truetype_outlines(font)
    font.save(output)


if __name__ == "__main__":
    main(sys.argv[1:])

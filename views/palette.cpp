#include "palette.h"

namespace Chronoscope {

namespace {

Palette &inUse()
{
    static Palette palette = Palette::light();
    return palette;
}

} // namespace

Palette Palette::light()
{
    Palette p;
    p.dark = false;
    p.position = QColor(0xd0, 0x21, 0x21);
    p.positionTint = QColor(208, 33, 33, 30);
    p.breakpointTint = QColor(208, 33, 33, 45);
    p.editedTint = QColor(230, 160, 20, 45);
    p.matchTint = QColor(255, 196, 0, 90);
    p.matchTintFaint = QColor(255, 196, 0, 35);
    p.warning = QColor(0xc0, 0x5a, 0x00);
    p.error = QColor(0xc0, 0x39, 0x2b);
    p.onlyInB = QColor(0x1e, 0x8e, 0x3e);
    p.differs = QColor(0xb0, 0x6a, 0x00);
    p.onlyInATint = QColor(0xe7, 0x4c, 0x3c, 80);
    p.onlyInBTint = QColor(0x2e, 0xcc, 0x71, 80);
    p.bookmark = QColor(0x2a, 0x7a, 0xd6);
    p.serviceFill = QColor(0xdb, 0xe8, 0xf7);
    p.jsonKey = QColor(0x00, 0x45, 0x8b);
    p.jsonString = QColor(0xa3, 0x15, 0x15);
    p.jsonNumber = QColor(0x09, 0x86, 0x58);
    p.jsonLiteral = QColor(0x00, 0x00, 0xff);
    p.lanes = {QColor(0x2a, 0x7a, 0xd6),
               QColor(0xd6, 0x6a, 0x1e),
               QColor(0x2e, 0x9e, 0x5b),
               QColor(0x9b, 0x4d, 0xca),
               QColor(0xc9, 0x3b, 0x5b),
               QColor(0x1f, 0x9e, 0xa8),
               QColor(0x8c, 0x7a, 0x1e)};
    return p;
}

Palette Palette::darkTheme()
{
    Palette p = light();
    p.dark = true;
    p.position = QColor(0xf0, 0x55, 0x4a);
    p.positionTint = QColor(240, 85, 74, 45);
    p.breakpointTint = QColor(240, 85, 74, 60);
    p.editedTint = QColor(230, 160, 20, 60);
    p.matchTint = QColor(255, 196, 0, 80);
    p.matchTintFaint = QColor(255, 196, 0, 30);
    p.warning = QColor(0xf0, 0x9a, 0x3e);
    p.error = QColor(0xf0, 0x6a, 0x5a);
    p.onlyInB = QColor(0x4c, 0xc3, 0x6c);
    p.differs = QColor(0xe0, 0xa0, 0x30);
    p.bookmark = QColor(0x6c, 0xb6, 0xff);
    p.serviceFill = QColor(0x2c, 0x3e, 0x55);
    p.jsonKey = QColor(0x9c, 0xdc, 0xfe);
    p.jsonString = QColor(0xce, 0x91, 0x78);
    p.jsonNumber = QColor(0xb5, 0xce, 0xa8);
    p.jsonLiteral = QColor(0x56, 0x9c, 0xd6);
    p.lanes = {QColor(0x4a, 0x9a, 0xf0),
               QColor(0xf0, 0x8a, 0x3e),
               QColor(0x4e, 0xbe, 0x7b),
               QColor(0xbb, 0x7d, 0xea),
               QColor(0xe9, 0x5b, 0x7b),
               QColor(0x3f, 0xbe, 0xc8),
               QColor(0xbc, 0xaa, 0x3e)};
    return p;
}

const Palette &Palette::current()
{
    return inUse();
}

void Palette::use(const Palette &palette)
{
    inUse() = palette;
}

} // namespace Chronoscope

#include "jsonhighlighter.h"

namespace Chronoscope {

JsonHighlighter::JsonHighlighter(QTextDocument *document, bool darkBackground)
    : QSyntaxHighlighter(document)
    // A string (a key when a colon follows), a number, or a literal.
    , m_token(QStringLiteral(
              R"re(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)re"))
{
    m_key.setForeground(darkBackground ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x45, 0x8b));
    m_string.setForeground(darkBackground ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(darkBackground ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(darkBackground ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto matches = m_token.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch m = matches.next();
        if (m.capturedLength(1) > 0)
            setFormat(static_cast<int>(m.capturedStart(1)),
                      static_cast<int>(m.capturedLength(1)),
                      m.capturedLength(2) > 0 ? m_key : m_string);
        else if (m.capturedLength(3) > 0)
            setFormat(static_cast<int>(m.capturedStart(3)),
                      static_cast<int>(m.capturedLength(3)),
                      m_number);
        else if (m.capturedLength(4) > 0)
            setFormat(static_cast<int>(m.capturedStart(4)),
                      static_cast<int>(m.capturedLength(4)),
                      m_literal);
    }
}

} // namespace Chronoscope

// A fixture for the layering check: this file is never compiled; the check must refuse it.
#include <QPainter>

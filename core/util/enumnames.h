#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// The text names of an enum as one table, read both ways: the configuration, the spool
// records and the logs all use these names.
namespace tandem {

template <typename E> using EnumNames = QList<QPair<QString, E>>;

template <typename E> QString enumName(const EnumNames<E> &names, E value)
{
    for (const auto &[name, e] : names) {
        if (e == value)
            return name;
    }
    return {};
}

template <typename E> std::optional<E> enumFromName(const EnumNames<E> &names, const QString &text)
{
    for (const auto &[name, e] : names) {
        if (name == text)
            return e;
    }
    return std::nullopt;
}

} // namespace tandem

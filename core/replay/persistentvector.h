#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <variant>

namespace Chronoscope {

/// An immutable sparse array of V indexed from 0 (a 32-way radix tree): copying it is O(1) and
/// setting an element copies only the path to it, so many versions share almost all of their
/// memory. Elements never set read as V().
///
/// Unlike a hash trie, neighbouring indexes share a leaf: when the indexes a series of updates
/// touches are close together (streams numbered in the order a replay meets them, updated
/// mostly while they are young), a copy made between two updates costs one or two leaf copies,
/// not one path per update.
///
/// set() changes this vector; other copies that share its nodes keep their values. Nodes this
/// vector owns alone are changed in place. Not thread-safe for concurrent writes to one
/// instance; distinct copies may be used from different threads.
template<typename V>
class PersistentVector
{
public:
    /// The element at `index`, or null past every element set so far.
    const V *find(size_t index) const
    {
        if (!m_root || index >= capacity())
            return nullptr;
        const Node *node = m_root.get();
        for (unsigned shift = m_shift; shift > 0; shift -= kBits) {
            node = std::get<Children>(node->content)[(index >> shift) & kMask].get();
            if (!node)
                return nullptr;
        }
        return &std::get<Values>(node->content)[index & kMask];
    }

    void set(size_t index, V value) { exchange(index, std::move(value)); }

    /// Sets the element at `index` and returns what it was.
    V exchange(size_t index, V value)
    {
        while (m_root && index >= capacity()) {
            auto root = std::make_shared<Node>(Node{Children{}});
            std::get<Children>(root->content)[0] = std::move(m_root);
            m_root = std::move(root);
            m_shift += kBits;
        }
        while (!m_root && index >= capacity())
            m_shift += kBits;
        NodePtr *slot = &m_root;
        for (unsigned shift = m_shift;; shift -= kBits) {
            if (!*slot)
                *slot = shift == 0 ? std::make_shared<Node>(Node{Values{}})
                                   : std::make_shared<Node>(Node{Children{}});
            else if (slot->use_count() != 1)
                *slot = std::make_shared<Node>(**slot); // shared with a copy: copy the path
            Node &node = **slot;
            if (shift == 0)
                return std::exchange(std::get<Values>(node.content)[index & kMask],
                                     std::move(value));
            slot = &std::get<Children>(node.content)[(index >> shift) & kMask];
        }
    }

    /// Visits the elements of every leaf made so far with their indexes, in index order; elements
    /// of a leaf never set are V().
    template<typename Visit>
    void forEach(Visit &&visit) const
    {
        if (m_root)
            walk(*m_root, m_shift, 0, visit);
    }

private:
    static constexpr unsigned kBits = 5;
    static constexpr size_t kMask = (size_t(1) << kBits) - 1;

    struct Node;
    using NodePtr = std::shared_ptr<Node>;
    using Children = std::array<NodePtr, kMask + 1>;
    using Values = std::array<V, kMask + 1>;
    struct Node
    {
        std::variant<Children, Values> content;
    };

    size_t capacity() const { return (kMask + 1) << m_shift; }

    template<typename Visit>
    static void walk(const Node &node, unsigned shift, size_t base, Visit &visit)
    {
        if (shift == 0) {
            const Values &values = std::get<Values>(node.content);
            for (size_t i = 0; i <= kMask; ++i)
                visit(base + i, values[i]);
            return;
        }
        const Children &children = std::get<Children>(node.content);
        for (size_t i = 0; i <= kMask; ++i) {
            if (children[i])
                walk(*children[i], shift - kBits, base + (i << shift), visit);
        }
    }

    NodePtr m_root;
    unsigned m_shift = 0; // the root covers indexes below 32 << m_shift
};

} // namespace Chronoscope

#pragma once

#include "base/stringhash.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Chronoscope {

/// An immutable map from string to V (a hash array mapped trie, CHAMP layout): copying it is
/// O(1) and an update copies only the path to the changed key, so many versions of a large map
/// (the state at every snapshot) share almost all of their memory.
///
/// set() and erase() change this map; other copies that share its nodes keep their values.
/// Nodes this map owns alone are changed in place, so a series of updates between two copies
/// costs no more than a plain hash map. Not thread-safe for concurrent writes to one instance;
/// distinct copies may be used from different threads.
template<typename V>
class PersistentMap
{
public:
    const V *find(const std::string &key) const
    {
        const uint64_t hash = mixedHash(key);
        const Node *node = m_root.get();
        for (unsigned shift = 0; node; shift += kBits) {
            if (shift >= kMaxShift)
                return findCollision(*node, key);
            const uint32_t bit = bitOf(hash, shift);
            if (node->dataMap & bit) {
                const Entry &e = node->entries[index(node->dataMap, bit)];
                return e.first == key ? &e.second : nullptr;
            }
            if (!(node->nodeMap & bit))
                return nullptr;
            node = node->nodes[index(node->nodeMap, bit)].get();
        }
        return nullptr;
    }

    void set(const std::string &key, V value)
    {
        if (!m_root)
            m_root = std::make_shared<Node>();
        bool added = false;
        m_root = insert(std::move(m_root), key, mixedHash(key), 0, std::move(value), added);
        m_size += added;
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// Visits every entry, in no particular order.
    void forEach(const std::function<void(const std::string &, const V &)> &visit) const
    {
        if (m_root)
            walk(*m_root, visit);
    }

private:
    static constexpr unsigned kBits = 5;
    static constexpr unsigned kMaxShift = 60; // past this, keys whose hashes collide share a node

    using Entry = std::pair<std::string, V>;
    struct Node;
    using NodePtr = std::shared_ptr<Node>;
    struct Node
    {
        uint32_t dataMap = 0;
        uint32_t nodeMap = 0;
        std::vector<Entry> entries;
        std::vector<NodePtr> nodes;
    };

    static uint32_t bitOf(uint64_t hash, unsigned shift) { return 1u << ((hash >> shift) & 31); }
    static size_t index(uint32_t map, uint32_t bit)
    {
        return static_cast<size_t>(__builtin_popcount(map & (bit - 1)));
    }

    static const V *findCollision(const Node &node, const std::string &key)
    {
        for (const Entry &e : node.entries) {
            if (e.first == key)
                return &e.second;
        }
        return nullptr;
    }

    // Returns a node this map may change: the node itself when no other map shares it.
    static NodePtr editable(NodePtr node)
    {
        if (node.use_count() == 1)
            return node;
        return std::make_shared<Node>(*node);
    }

    static NodePtr insert(NodePtr node,
                          const std::string &key,
                          uint64_t hash,
                          unsigned shift,
                          V value,
                          bool &added)
    {
        node = editable(std::move(node));
        if (shift >= kMaxShift) {
            for (Entry &e : node->entries) {
                if (e.first == key) {
                    e.second = std::move(value);
                    return node;
                }
            }
            node->entries.emplace_back(key, std::move(value));
            added = true;
            return node;
        }
        const uint32_t bit = bitOf(hash, shift);
        if (node->dataMap & bit) {
            const size_t i = index(node->dataMap, bit);
            if (node->entries[i].first == key) {
                node->entries[i].second = std::move(value);
                return node;
            }
            // Two keys in one slot: push both one level down.
            Entry existing = std::move(node->entries[i]);
            node->entries.erase(node->entries.begin() + static_cast<ptrdiff_t>(i));
            node->dataMap &= ~bit;
            auto child = std::make_shared<Node>();
            const uint64_t existingHash = mixedHash(existing.first);
            bool ignored = false;
            child = insert(std::move(child),
                           existing.first,
                           existingHash,
                           shift + kBits,
                           std::move(existing.second),
                           ignored);
            child = insert(std::move(child), key, hash, shift + kBits, std::move(value), added);
            node->nodes.insert(node->nodes.begin()
                                       + static_cast<ptrdiff_t>(index(node->nodeMap, bit)),
                               std::move(child));
            node->nodeMap |= bit;
            return node;
        }
        if (node->nodeMap & bit) {
            NodePtr &child = node->nodes[index(node->nodeMap, bit)];
            child = insert(std::move(child), key, hash, shift + kBits, std::move(value), added);
            return node;
        }
        node->entries.insert(node->entries.begin()
                                     + static_cast<ptrdiff_t>(index(node->dataMap, bit)),
                             Entry(key, std::move(value)));
        node->dataMap |= bit;
        added = true;
        return node;
    }

    static void walk(const Node &node,
                     const std::function<void(const std::string &, const V &)> &visit)
    {
        for (const Entry &e : node.entries)
            visit(e.first, e.second);
        for (const NodePtr &child : node.nodes)
            walk(*child, visit);
    }

    NodePtr m_root;
    size_t m_size = 0;
};

} // namespace Chronoscope

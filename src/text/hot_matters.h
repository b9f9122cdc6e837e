// The kind of matter a message raises (油烟, 噪音, 车位, 入学, 集资诈骗 ...), from a small lexicon
// of cue words. Citizens describe one problem in many words — "油烟扰民", "夜宵摊污染空气", "商铺无
// 排烟管道" — that share few characters; the lexicon maps them onto the same matter so that
// hot-issue grouping (text/hot_issues.h) can join messages about the same place and the same
// kind of problem even when their wording differs.
//
// The lexicon is deliberately coarse (about twenty matters) and only ever used together with a
// shared place or a shared rare phrase: on its own "噪音" says nothing about which noise.
// Input is normalised text; other input is read without crashing.
#pragma once

#include <cstdint>
#include <string_view>

namespace shegong::text {

// One bit per matter; 0 when no cue word occurs.
using MatterSet = uint32_t;

MatterSet matters_of(std::string_view normalized);

// The name of the first matter in `set` ("噪音扰民"), or "" for none.
std::string_view matter_name(MatterSet set);

}  // namespace shegong::text

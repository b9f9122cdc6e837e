#include "text/places.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "text/shingles.h"

namespace shegong::text {

namespace {

struct Marker {
  std::u32string_view word;
  PlaceKind kind;
};

// Longest first where one marker ends another (街道 before 街, 幼儿园 before 园区).
constexpr Marker kMarkers[] = {
    {U"工业园", PlaceKind::kFacility}, {U"产业园", PlaceKind::kFacility},
    {U"幼儿园", PlaceKind::kSchool},   {U"卫生院", PlaceKind::kFacility},
    {U"街道", PlaceKind::kTown},       {U"社区", PlaceKind::kVillage},
    {U"小区", PlaceKind::kEstate},     {U"花园", PlaceKind::kEstate},
    {U"家园", PlaceKind::kEstate},     {U"公寓", PlaceKind::kEstate},
    {U"山庄", PlaceKind::kEstate},     {U"新城", PlaceKind::kEstate},
    {U"大道", PlaceKind::kRoad},       {U"小学", PlaceKind::kSchool},
    {U"中学", PlaceKind::kSchool},     {U"大学", PlaceKind::kSchool},
    {U"学院", PlaceKind::kSchool},     {U"学校", PlaceKind::kSchool},
    {U"医院", PlaceKind::kFacility},   {U"公园", PlaceKind::kFacility},
    {U"市场", PlaceKind::kFacility},   {U"广场", PlaceKind::kFacility},
    {U"园区", PlaceKind::kFacility},   {U"大厦", PlaceKind::kFacility},
    {U"镇", PlaceKind::kTown},         {U"乡", PlaceKind::kTown},
    {U"村", PlaceKind::kVillage},      {U"苑", PlaceKind::kEstate},
    {U"路", PlaceKind::kRoad},         {U"街", PlaceKind::kRoad},
    {U"巷", PlaceKind::kRoad},         {U"站", PlaceKind::kFacility},
    {U"湖", PlaceKind::kArea},
};

// Characters that end a name when walking back from its marker: grammar words, pronouns,
// divisions and words of position. They occur in some real names (和平路), which are then cut
// short; a shorter key still matches itself.
constexpr std::u32string_view kStops =
    U"的在是了和与及或对把被于从到向给我你他她它们这那该此本每各有为将就都也还又很最更已要会能"
    U"可请让由等个位住购买近旁边附临省市区县州号栋楼层期单元室户第条座处间";

// Words in front of a name that are not part of it (反映X小区, 位于X路).
constexpr std::u32string_view kLeadingWords[] = {
    U"反映", U"投诉", U"举报", U"咨询", U"建议", U"请问", U"询问", U"关于", U"位于",
    U"地处", U"坐落", U"座落", U"靠近", U"临近", U"希望", U"要求", U"强烈", U"恳请",
    U"请求", U"紧急", U"再次", U"解决", U"处理", U"整治", U"治理", U"关注", U"申请",
    U"督促", U"落实", U"加快", U"尽快", U"呼吁", U"新建", U"老旧", U"周边", U"整个",
    U"其他", U"多个", U"一些", U"所有", U"全体", U"居住", U"入住", U"对面", U"拟建",
    U"在建", U"修建", U"筹建", U"经过", U"途经", U"路过", U"沿着",
};

// Names that are common words, not proper names (安置小区, 步行街, 地铁站, 新农村).
const std::unordered_set<std::u32string>& generic_names() {
  static const std::unordered_set<std::u32string> names{
      U"新农", U"城中", U"安置", U"拆迁", U"保障", U"还建", U"商品", U"高档", U"步行", U"商业",
      U"美食", U"城市", U"城乡", U"高速", U"公交", U"地铁", U"加油", U"垃圾", U"火车", U"汽车",
      U"高铁", U"变电", U"污水", U"充电", U"收费", U"检查", U"工作", U"服务", U"卫生", U"派出",
      U"人民", U"中小", U"高等", U"民办", U"公办", U"私立", U"重点", U"职业", U"培训", U"驾驶",
      U"住宅", U"居民", U"职工", U"老旧", U"周边", U"附近", U"其它", U"有关", U"相关", U"所在",
      U"整个", U"学生", U"孩子", U"农贸", U"本地", U"当地", U"外地", U"全国", U"全省", U"全市",
      U"农业", U"生态", U"公共", U"公立", U"普惠", U"区域", U"片区", U"开发", U"施工", U"项目",
      U"物业", U"业主", U"门面", U"商铺", U"停车", U"搅拌", U"城区", U"市区", U"辖区", U"景区",
      U"新区", U"老城", U"郊区", U"农村", U"乡村", U"山区", U"偏远", U"贫困", U"美丽", U"文明",
      U"智慧", U"和谐", U"平安", U"无人", U"家门", U"马路", U"道路", U"公路", U"铁路", U"线路",
      U"网站", U"车站", U"一路", U"沿路", U"小路", U"大路", U"出路", U"思路", U"上路", U"乡镇",
      U"城镇", U"集镇", U"小镇", U"特色", U"名校", U"学区", U"母校", U"该校", U"本校", U"幼儿",
      U"水泥", U"沥青", U"柏油", U"砂石", U"泥巴", U"乡间", U"水路", U"山路", U"进站", U"出站",
      U"本站", U"该站", U"此路", U"老街", U"此村", U"全村", U"本村", U"跑路", U"修路", U"拦路",
      U"挡路", U"让路", U"问路", U"带路",
      // Kinds of facility, not names of one: 配套幼儿园, 眼科医院, 公交首末站, 新建搅拌站.
      U"配套", U"专科", U"眼科", U"中心", U"首末", U"公交首末", U"大型", U"建搅拌", U"建垃圾",
      U"妇幼", U"儿童", U"口腔", U"中医", U"民营", U"附属", U"私人", U"农民", U"社区", U"综合",
      U"定点", U"临时", U"商业中"};
  return names;
}

// Estate words dropped from a key so that 丽发新城小区 and 丽发新城 meet.
constexpr std::u32string_view kEstateWords[] = {U"小区", U"花园", U"家园", U"公寓",
                                                U"山庄", U"新城", U"苑"};

bool is_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
bool is_stop(char32_t c) { return kStops.find(c) != std::u32string_view::npos; }
bool is_numeral(char32_t c) {
  return (c >= '0' && c <= '9') ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
bool is_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }

bool starts_with(const std::u32string& s, size_t at, std::u32string_view word) {
  return s.size() - at >= word.size() && std::u32string_view(s).substr(at, word.size()) == word;
}

// The name that ends at `end`, walking back no further than `floor`; empty if it is not one.
std::u32string name_before(const std::u32string& s, size_t end, size_t floor) {
  constexpr size_t kLongest = 8;
  size_t begin = end;
  while (begin > floor && end - begin < kLongest && is_ideograph(s[begin - 1]) &&
         !is_stop(s[begin - 1]))
    --begin;
  // A leading word whose first character is a stop (请问, 要求, 对面) leaves its second behind.
  if (begin > floor && begin < end) {
    for (auto word : kLeadingWords) {
      if (word.size() == 2 && word[0] == s[begin - 1] && word[1] == s[begin]) {
        ++begin;
        break;
      }
    }
  }
  std::u32string name = s.substr(begin, end - begin);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (auto word : kLeadingWords) {
      if (name.size() > word.size() && std::u32string_view(name).substr(0, word.size()) == word) {
        name.erase(0, word.size());
        stripped = true;
      }
    }
  }
  // A name does not begin with a place word (路建学校 is "…路, 建学校").
  if (!name.empty() &&
      std::u32string_view(U"路街道巷村镇乡").find(name.front()) != std::u32string_view::npos)
    return {};
  if (name.size() < 2 || generic_names().count(name)) return {};
  return name;
}

std::u32string estate_key(std::u32string name) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (auto word : kEstateWords) {
      if (name.size() >= word.size() + 2 &&
          std::u32string_view(name).substr(name.size() - word.size()) == word) {
        name.resize(name.size() - word.size());
        stripped = true;
      }
    }
  }
  return name;
}

// A letter code (A市, A3区, K8县), an anonymised province (西地省) or a real district right after
// a city (福州市仓山区); returns its length at `i`, 0 if none.
size_t division_at(const std::u32string& s, size_t i) {
  auto is_division_word = [](char32_t c) {
    return c == U'市' || c == U'区' || c == U'县' || c == U'州';
  };
  if (is_upper(s[i])) {
    if (i > 0 && (is_upper(s[i - 1]) || (s[i - 1] >= 'a' && s[i - 1] <= 'z'))) return 0;
    size_t j = i + 1;
    while (j < s.size() && j - i <= 3 && s[j] >= '0' && s[j] <= '9') ++j;
    return j < s.size() && is_division_word(s[j]) ? j + 1 - i : 0;
  }
  if (i + 2 < s.size() && is_ideograph(s[i]) && s[i + 1] == U'地' && s[i + 2] == U'省') return 3;
  if (i > 0 && s[i - 1] == U'市') {
    for (size_t len = 2; len <= 3 && i + len < s.size(); ++len) {
      char32_t last = s[i + len];
      if (last != U'区' && last != U'县') continue;
      std::u32string name = s.substr(i, len);
      bool plain = std::all_of(name.begin(), name.end(),
                               [](char32_t c) { return is_ideograph(c) && !is_stop(c); });
      if (plain && !generic_names().count(name + last) && !generic_names().count(name))
        return len + 1;
    }
  }
  return 0;
}

// Length of a building or phase number at `i` (三期, 6栋, C栋, 2单元), 0 if none.
size_t building_number_at(const std::u32string& s, size_t i) {
  size_t j = i;
  while (j < s.size() && j - i < 4 && (is_numeral(s[j]) || is_upper(s[j]))) ++j;
  if (j == i || j >= s.size()) return 0;
  bool only_numerals = std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i),
                                   s.begin() + static_cast<std::ptrdiff_t>(j), is_numeral);
  if (s[j] == U'期' && only_numerals) return j + 1 - i;
  if (s[j] == U'栋' || s[j] == U'幢') return j + 1 - i;
  if (starts_with(s, j, U"单元") || starts_with(s, j, U"号楼")) return j + 2 - i;
  return 0;
}

class Collector {
 public:
  void add(PlaceKind kind, std::u32string name, std::u32string key) {
    std::string k = to_utf8(key);
    if (!seen_.insert(k).second) return;
    places_.push_back({kind, to_utf8(name), std::move(k)});
  }
  std::vector<Place> take() { return std::move(places_); }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<Place> places_;
};

}  // namespace

const char* place_kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kDivision:
      return "division";
    case PlaceKind::kTown:
      return "town";
    case PlaceKind::kVillage:
      return "village";
    case PlaceKind::kEstate:
      return "estate";
    case PlaceKind::kRoad:
      return "road";
    case PlaceKind::kSchool:
      return "school";
    case PlaceKind::kFacility:
      return "facility";
    case PlaceKind::kArea:
      return "area";
  }
  return "place";
}

std::vector<Place> extract_places(std::string_view normalized) {
  std::u32string s = decode_utf8(normalized);
  Collector found;
  size_t floor = 0;  // a name never reaches back into the previous place
  for (size_t i = 0; i < s.size();) {
    if (size_t n = division_at(s, i)) {
      std::u32string name = s.substr(i, n);
      found.add(PlaceKind::kDivision, name, name);
      floor = i += n;
      continue;
    }
    if (size_t n = building_number_at(s, i)) {
      std::u32string name = name_before(s, i, floor);
      if (!name.empty()) found.add(PlaceKind::kEstate, name, estate_key(name));
      floor = i += n;
      continue;
    }
    auto marker = std::find_if(std::begin(kMarkers), std::end(kMarkers),
                               [&](const Marker& m) { return starts_with(s, i, m.word); });
    if (marker == std::end(kMarkers)) {
      ++i;
      continue;
    }
    size_t end = i + marker->word.size();
    // 梅溪湖路, 松雅湖公园: a lake's name followed by another marker names the road or place.
    if (marker->kind == PlaceKind::kArea &&
        std::any_of(std::begin(kMarkers), std::end(kMarkers),
                    [&](const Marker& m) { return starts_with(s, end, m.word); })) {
      ++i;
      continue;
    }
    std::u32string name = name_before(s, i, floor);
    // 距铁路, 沿公路: the name's last character and the marker make a common word.
    if (!name.empty() && generic_names().count(name.back() + std::u32string(marker->word)))
      name.clear();
    if (!name.empty()) {
      std::u32string full = name + std::u32string(marker->word);
      found.add(marker->kind, full, marker->kind == PlaceKind::kEstate ? estate_key(full) : full);
      floor = end;
    }
    i = end;
  }
  return found.take();
}

std::vector<std::string> divisions(const std::vector<Place>& places) {
  std::vector<std::string> out;
  for (const auto& p : places)
    if (p.kind == PlaceKind::kDivision) out.push_back(p.name);
  return out;
}

}  // namespace shegong::text

// For tests of petitions: the hotline's test world (東城区 regions, the real holiday calendar, a
// clock that moves only when told) plus the petition kind and the organs a petition passes through
// at every level, with one staff member each.
#pragma once

#include "hotline/test_world.h"
#include "petitions/petition_kind.h"
#include "petitions/registration.h"
#include "petitions/vocabulary.h"

namespace shegong::petitions {

class PetitionWorld : public hotline::TestWorld {
 public:
  PetitionWorld() {
    engine.add_kind(petition_kind(calendar));
    EXPECT_TRUE(db->write([&](db::Session& s) {
                    auto unit = [&](const char* name, const char* kind, const char* region) {
                      return *hotline::create_unit(s, {0, name, kind, region, true});
                    };
                    national_office = unit("国家信访局", "petition_office", "");
                    province_office = unit("北京市信访办公室", "petition_office", "11");
                    city_office = unit("北京市市辖区信访办公室", "petition_office", "1101");
                    office = unit("东城区信访办公室", "petition_office", "110101");
                    province_organ = unit("北京市住房和城乡建设委员会", "department", "11");
                    // The district organ's own government: a 复查 organ for it (Art. 35).
                    city_organ = unit("北京市东城区人民政府", "government", "110101");
                    national_organ = unit("中华人民共和国住房和城乡建设部", "department", "");
                    politics_law = unit("中共北京市东城区委政法委员会", "politics_law", "110101");
                    discipline = unit("北京市东城区纪委监委", "discipline", "110101");
                    return Status::Ok();
                  }).ok());
    // The county's organ is the hotline world's 住房和城乡建设委员会 (department2).
    organ = department2;
    auto staff = [&](int64_t id, const char* name, auth::Role role, const char* region,
                     const hotline::Unit& unit) {
      EXPECT_TRUE(db->write([&](db::Session& s) {
                      return s
                          .exec(
                              "INSERT INTO users(id, username, role, region_code, password_hash, "
                              "unit_id, created_at_ms) VALUES(?, ?, ?, ?, 'x', ?, 0)",
                              {id, std::string(name), std::string(auth::role_name(role)),
                               std::string(region), unit.id})
                          .status();
                    }).ok());
      return auth::Principal{id, name, role, region, false, {}, unit.id};
    };
    using auth::Role;
    national_staff = staff(101, "gjxfj", Role::kDepartmentStaff, "", national_office);
    province_office_staff = staff(102, "bjxfb", Role::kDepartmentStaff, "11", province_office);
    city_office_staff = staff(103, "sxqxfb", Role::kDepartmentStaff, "1101", city_office);
    office_staff = staff(104, "dcxfb", Role::kDepartmentStaff, "110101", office);
    organ_staff = staff(105, "dczjw", Role::kDepartmentStaff, "110101", organ);
    organ_staff2 = staff(106, "dczjw2", Role::kDepartmentStaff, "110101", organ);
    city_organ_staff = staff(107, "dcqzf", Role::kDepartmentStaff, "110101", city_organ);
    province_organ_staff = staff(108, "bjzjw", Role::kDepartmentStaff, "11", province_organ);
    politics_law_staff = staff(109, "dczfw", Role::kDepartmentStaff, "110101", politics_law);
    discipline_staff = staff(110, "dcjw", Role::kDepartmentStaff, "110101", discipline);
    accused_staff = staff(111, "dhmjd", Role::kStreetStaff, "110101001", street);
    national_organ_staff = staff(112, "zjb", Role::kDepartmentStaff, "", national_organ);
  }

  NewPetition petition(const std::string& category = "申诉求决",
                       const std::string& channel = "letter") {
    NewPetition p;
    p.channel = channel;
    p.category = category;
    p.field = "城乡建设";
    p.subject = "老旧小区加装电梯补贴未发放";
    p.content =
        "我家所在的多福巷小区去年完成加装电梯，按政策应发放的补贴至今未到位，多次询问无果，"
        "请求依法发放补贴并说明拖延原因。";
    if (is_oral(channel)) p.summary = "来访人口述：" + p.content;
    p.region_code = "110101001001";
    p.petitioner = {"王小明", "110101199003074514", "13912345678", "北京市东城区多福巷1号", {}};
    p.unit_id = office.id;
    return p;
  }

  Result<cases::CaseRecord> file(NewPetition p) {
    Result<cases::CaseRecord> out = Internal("not run");
    Status st = db->write([&](db::Session& s) {
      out = register_petition(s, engine, calendar, box, *tree, std::move(p), "test");
      return out.status();
    });
    if (!st.ok()) return st;
    return out;
  }
  cases::CaseRecord filed(NewPetition p) {
    auto c = file(std::move(p));
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : cases::CaseRecord{};
  }
  // Registered at the county office and transferred to the county organ.
  cases::CaseRecord transferred(NewPetition p) {
    auto c = filed(std::move(p));
    return acted(c.id, "route", office_staff, {{"route", "transfer"}, {"unit_id", id(organ)}});
  }
  // ... and accepted on the route (6) track.
  cases::CaseRecord accepted(NewPetition p) {
    auto c = transferred(std::move(p));
    return acted(c.id, "accept", organ_staff, {{"track", "opinion"}});
  }
  cases::Fields opinion() const {
    return {{"request", "发放电梯补贴"},
            {"facts_reasons", "经核查，补贴申请材料齐全，因预算调整延迟拨付。"},
            {"decision", "support"},
            {"legal_basis", "《北京市老旧小区综合整治工作方案》"}};
  }
  cases::CaseRecord answered(NewPetition p) {
    auto c = accepted(std::move(p));
    return acted(c.id, "issue_opinion", organ_staff, opinion());
  }
  // An answered petition's 复查 at the district's government (city_organ), upheld.
  cases::CaseRecord reviewed(int64_t answered_id) {
    acted(answered_id, "request_review", city_organ_staff, {{"unit_id", id(city_organ)}});
    return acted(answered_id, "review_opinion", city_organ_staff,
                 {{"opinion", "维持。"}, {"decision", "support"}});
  }
  void set_time(const std::string& date, int hour = 10) { clock.set_ms(at(date, hour)); }
  static std::string id(const hotline::Unit& u) { return std::to_string(u.id); }

  hotline::Unit national_office, province_office, city_office, office, organ, city_organ,
      province_organ, politics_law, discipline, national_organ;
  auth::Principal national_staff, province_office_staff, city_office_staff, office_staff,
      organ_staff, organ_staff2, city_organ_staff, province_organ_staff, politics_law_staff,
      discipline_staff, accused_staff, national_organ_staff;
};

}  // namespace shegong::petitions

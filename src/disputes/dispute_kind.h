// A dispute (矛盾纠纷) and its mediation as a case kind, after the 人民调解法 (2010) and the
// 深圳经济特区矛盾纠纷多元化解条例 (2022; DOMAIN.md §6.4, items 68 and 69). States:
//
//   registered ──start──▶ mediating                              (people's mediation)
//   registered ──accept──▶ accepted ──start──▶ mediating           (administrative mediation)
//   registered ──decline──▶ declined                              (administrative, in writing)
//   registered ──refer──▶ registered (at the competent organ)
//   mediating ──agree──▶ agreed ──record_confirmation──▶ agreed   (judicial confirmation applied)
//   mediating ──fail──▶ failed
//
// Mediation never starts while a party's refusal stands (人民调解法 Art. 17): `record_refusal` and
// `record_consent` keep the parties' positions. Mediation is free (Art. 4): no step records a fee.
// An agreement offers the parties judicial confirmation within 30 days of taking effect (Art.
// 33), a period the parties keep, so its last day moves off rest days (民法典 Art. 203); a timer
// closes that window. Periods, settings of the region (Shenzhen's as defaults): the
// mediation period `dispute.mediation_days` (30 calendar days, extended when the parties agree);
// an administrative organ's acceptance decision within `dispute.acceptance_working_days` (5) or,
// complex, `dispute.complex_acceptance_working_days` (10) working days; a dispute outside its remit
// referred within `dispute.referral_working_days` (3).
#pragma once

#include "auth/role.h"
#include "base/calendar.h"
#include "cases/case_kind.h"
#include "hotline/units.h"

namespace shegong::disputes {

// Mediation is done by the staff of committees and organs: residents' committees (and their
// mediation committees), streets, departments, and admins.
inline constexpr auth::RoleSet kMediators = {auth::Role::kAdmin, auth::Role::kDepartmentStaff,
                                             auth::Role::kStreetStaff, auth::Role::kCommunityStaff};

// Days after which a mediation agreement can no longer be brought for judicial confirmation
// (人民调解法 Art. 33); a law, not a setting.
inline constexpr int kConfirmationDays = 30;

cases::CaseKind dispute_kind(const HolidayCalendar& calendar);

// The end of the n-th working day after `from_ms`, n the region's setting `key`
// (cases/settings.h); an error with field "calendar" when the year's holidays are not loaded.
Result<int64_t> working_days_after(db::Session& s, const HolidayCalendar& calendar,
                                   const std::string& region_code, const char* key,
                                   int64_t from_ms);

// Who mediates on a track: people's mediation committees sit in residents' and villagers'
// committees and in streets; administrative mediation is an organ's (a department, a government, a
// street). 400 naming "unit_id" otherwise.
Status check_mediating_unit(const hotline::Unit& unit, const std::string& track);

}  // namespace shegong::disputes

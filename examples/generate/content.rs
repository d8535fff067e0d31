//! The free markdown pages of the sample project: the sales method in the
//! company's own words, and a dated log of lessons from sales meetings.

use chrono::{Datelike, Days, NaiveDate};

pub const METHOD: &str = r#"# How we work with sales

Nordvik runs sales on **three levels** that are linked together by the pipeline. Each
level answers its own questions, and each feeds the next. When one is skipped, the only
way left to grow is to work harder; when all three work, we can work smarter.

Everything starts with **analysis**: what our customers actually value, and what they are
willing to pay for. We collect it from our own deal history, from the service engineers
who are on site every week, and by asking customers directly after every won and lost
deal.

## 1. Strategic: which customers, and why

Set by management, reviewed once a year, with a horizon of several years. The strategy
page answers three questions:

1. **Which customers do we work, and why?** And which do we deliberately give less time?
2. **Where are they, and how do we recognise one quickly?** A seller should be able to
   tell in one phone call whether a company belongs to a segment.
3. **With which offers and values do we meet them?** And how do we keep improving the
   value we create for them?

The answers are the segments, their priority (focus, maintain, deprioritised) and the
offers written for each of them.

## 2. Tactical: the plans that turn strategy into revenue

Owned by the sales managers, with a horizon of months. A tactical plan names the
segment, the offer, the period, the channel, the owner and the goal in revenue and won
deals, and lists the concrete activities. Deals that come out of a plan are tagged with
it in the CRM, so that we can see afterwards which plans paid off.

## 3. Operational: what each of us does today

The daily work of every seller: the next call, the next meeting, the next proposal.
Each seller should know, every morning, where their effort has the most effect right
now. Training and coaching belong here too.

## The sales meeting: three points, every week

The weekly sales meeting is where the levels meet. The manager leads three points, in
this order:

1. **A shared picture of the pipeline.** What is new, what moved, what was won and lost
   since last week, and how the pipeline is developing over time.
2. **Enough, and good enough, progress to reach the targets.** Won so far against
   target, forecast, and whether the pipeline covers what is left of the year.
3. **Up to date and relevant deals.** Every open deal has a value and a date for its next
   activity, and belongs to the customers and offers the strategy points to. Deals that
   do not are fixed, re-planned or closed in the meeting.

## Time kills deals

A deal that is not moving is not waiting for us; it is dying. The longer a deal sits
without a next step, the lower its chance of ever being won. So we look first at deals
where the next activity is missing or overdue, where nothing has happened for three
weeks, or that have been open much longer than our deals usually take to win.

## The cheapest revenue krona

When we prospect, we ask where the **next krona of revenue is cheapest to win**. Almost
always that is with customers who already buy from us and belong to a prioritised
segment but have no open deal right now. Then come new customers in focus segments.
Cold calls outside the strategy come last, if at all.

## Who gets what

- **The seller** gets a clear daily focus: deals to move, hygiene to fix, prospects to call.
- **The sales manager** gets the pack for the weekly meeting.
- **The CEO and the board** get a transparent report of results against target,
  forecast and risks, built from the same data as everything else.

And what we learn along the way goes into the lessons-learned log, so that the next
plan starts smarter than the last one.
"#;

/// (weeks before the as-of date, title, text) of each lesson, newest first.
const LESSONS: &[(u64, &str, &str)] = &[
    (
        2,
        "Big deals hide thin coverage",
        "A 12 MSEK mill migration sitting in negotiation made the fourth quarter look covered three times over. Without it, coverage was 1.4. **From now on** the meeting looks at forecast and coverage both with and without deals above 5 MSEK, and every such deal has a named executive sponsor at the customer.",
    ),
    (
        6,
        "No next activity means no deal",
        "We went through every deal lost in the spring. Of the deals that had been without a planned next activity for three weeks, four out of five were lost or died quietly. **Rule:** an open deal has a next activity date, or it is closed in the meeting. No exceptions for big ones.",
    ),
    (
        11,
        "Migrations follow the mill's stop calendar, not ours",
        "Three control system migrations in Västernorrland slipped by five to eight months because our expected close dates followed our hopes, while the customers decide with their planned maintenance stops. **We now ask in the needs analysis:** when is your next planned stop, and when must the order be placed to make it?",
    ),
    (
        16,
        "Uptime audits convert, if we are quick",
        "Of the uptime audits done in the process campaign, most led to a proposal. Proposals sent within ten working days of the audit were won about twice as often as those sent later. The ten-day rule stays, and audits without a proposal are brought up in the meeting.",
    ),
    (
        22,
        "Trade fair leads go cold in two weeks",
        "Leads from the food-tech fair that were qualified within two weeks produced almost all the pipeline from the fair; the ones first called after a month produced none. **Next fair:** the follow-up calls are booked in the calendar before the fair opens.",
    ),
    (
        30,
        "Small workshop quotes ate three weeks of field time",
        "Two sellers spent most of three weeks on quotes under 40,000 SEK to workshops with fewer than 30 employees. That is the deprioritised segment. **Rule:** such requests go to the phone desk and the web shop; a field deal there needs the manager's yes in the sales meeting.",
    ),
    (
        38,
        "Owner-led customers buy payback, not technology",
        "Most of our price losses among owner-led manufacturers came from quotes that described the robot cell but not the payback. Quotes with a payback calculation in the first page won clearly more often. The payback template is now part of every line automation quote.",
    ),
    (
        47,
        "A renewal is a deal of its own",
        "We lost a service agreement at a paper mill to a competitor because the renewal date passed without anyone calling. **From now on** every agreement renewal is entered as a deal 120 days before expiry, owned by the account owner, and reviewed like any other deal.",
    ),
    (
        56,
        "Nothing closes in July",
        "Every deal with an expected close in July last year slipped to August or later. We now pull decisions forward to June where the customer can, and otherwise set August dates from the start, so that the summer forecast is honest.",
    ),
];

/// The lessons-learned page, dated on the Mondays of past sales meetings.
pub fn lessons(as_of: NaiveDate) -> String {
    let mut page = String::from(
        "# Lessons learned\n\nWhat we have learned in our weekly sales meetings, newest first. \
         Each lesson names what we saw and what we changed. Add to it after every meeting \
         where we decide to work differently.\n",
    );
    for &(weeks, title, text) in LESSONS {
        let day = meeting_day(as_of, weeks);
        page.push_str(&format!("\n## {day}: {title}\n\n{text}\n"));
    }
    page
}

/// The Monday on or before the day `weeks` weeks before `as_of`.
fn meeting_day(as_of: NaiveDate, weeks: u64) -> NaiveDate {
    let day = as_of
        .checked_sub_days(Days::new(weeks * 7))
        .unwrap_or(as_of);
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}

/// The report's narrative (`content/report.md`): the sales director's words to the
/// board. Its figures are live (`{{ … }}`): written once, true after every rebuild.
pub const REPORT: &str = "\
# From the sales director

We have won {{ won year }} of this year's target of {{ target year }} ({{ attainment year }}),
{{ won quarter }} of it this quarter. The year is running close to the pace the plan asks for,
carried by **process industry** ({{ won year segment=process }} won, {{ open segment=process }}
open), where service agreements now follow almost every migration project. Food and life science
is behind its target: two large validation projects moved into next year when the customers' own
investment decisions slipped, and we have chosen not to discount to pull them back.

{{ chart pipeline-by-segment }}

What we are doing about it:

- **Coverage for the coming quarters.** The team is booking needs-analysis meetings at the
  A customers in the focus segments whose service agreements come up for renewal, rather than
  chasing new logos outside the strategy.
- **Pipeline hygiene.** Every deal with a passed expected close gets a new, honest date or is
  closed as lost at the next sales meeting. The meeting pack lists them seller by seller.
- **Time kills deals.** Deals older than one and a half times our usual cycle are reviewed with
  the seller's manager: a next step with the customer's decision-maker, or we let go.

The risks worth the board's attention are listed below: the largest open deals that are stale,
aging or off strategy. Off-strategy deals are few and small, which tells us the segmentation is
being used in daily work.
";

/// Minutes of the last three weekly sales meetings (`content/meetings/`), each with
/// its decisions as a task list: ticked when done, open otherwise.
pub fn meetings(as_of: NaiveDate) -> Vec<(NaiveDate, String)> {
    let minutes = [
        (
            3,
            "Pipeline review, focus on Q4 commit",
            "## Shared view\n\nThe pipeline grew on new needs analyses in process industry; two \
             food projects were pushed into next year by the customers' investment boards.\n\n\
             ## Decisions\n\n\
             - [x] Every deal with a passed expected close gets a new date before Friday\n\
             - [x] Team Norr books uptime reviews with the three largest service customers\n\
             - [ ] Agree a price floor for control-system migrations with the CEO\n",
        ),
        (
            2,
            "Hygiene and off-strategy deals",
            "## Up to date and relevant\n\nWe went through the off-strategy list seller by seller. \
             Two small-workshop deals move to the web shop; one owner-led manufacturer stays as a \
             reference case.\n\n\
             ## Decisions\n\n\
             - [x] Move web-shop-sized deals out of the field pipeline\n\
             - [ ] Write down why each remaining off-strategy deal stays\n\
             - [x] Lessons log: add the note on IQ/OQ documentation\n",
        ),
        (
            1,
            "Coverage for next quarter",
            "## Enough progress?\n\nCoverage for the coming quarter is below the goal of three \
             times the remaining target. The gap is largest in food and life science.\n\n\
             ## Decisions\n\n\
             - [ ] Each seller books two needs analyses at A customers without an open deal\n\
             - [ ] Follow up every quote older than 30 days before the next meeting\n\
             - [x] Ask marketing for the webinar list of food-safety managers\n",
        ),
    ];
    minutes
        .iter()
        .map(|&(weeks, title, body)| {
            let day = meeting_day(as_of, weeks);
            (day, format!("# {title}\n\n{body}"))
        })
        .collect()
}

"""The sample practice: Riverbend Family Medicine, with people in every role and three months of posts.

Used by ``clinic-composer demo`` and ``--demo`` so that a new user (or a reviewer of the product) sees
every screen with realistic content, including drafts that still have compliance problems. Dates are
relative to today so the calendar always shows a recent past and a near future.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from composer.domain.errors import ComposerError
from composer.domain.model import Platform, PostKind, PostStatus, ProfileKind, Role
from composer.domain.topics import load_topic_library, topics_from_pack, topics_to_pack
from composer.services.workspace import Workspace

TIME_ZONE = "America/Chicago"
P = Platform
S = PostStatus


@dataclass(frozen=True)
class SamplePost:
    text: str
    platforms: tuple[Platform, ...]
    personal: bool = False
    reply_to: str = ""


# Written for the demo. Most are clean; a few carry the problems the checker exists to catch.
SAMPLE_POSTS: tuple[SamplePost, ...] = (
    SamplePost(
        "Flu shots are here! 💉 The CDC recommends a yearly flu vaccine for everyone 6 months and older. "
        "Walk in weekdays 8 a.m. to 5 p.m. or call (555) 201-3300 to book.",
        (P.FACEBOOK, P.INSTAGRAM, P.X),
    ),
    SamplePost(
        "Please welcome Jenna Cole, our new nurse practitioner! Jenna cares for adults and teens and is "
        "accepting new patients. Call (555) 201-3300 to schedule.",
        (P.FACEBOOK, P.LINKEDIN),
    ),
    SamplePost(
        "Colorectal cancer screening saves lives. The USPSTF recommends screening for adults ages 45 to 75. "
        "Ask your clinician which test is right for you.",
        (P.FACEBOOK, P.X),
    ),
    SamplePost(
        "Short on sleep? The CDC says most adults need at least 7 hours a night. Try a regular bedtime and "
        "keep screens out of the bedroom. 😴",
        (P.INSTAGRAM, P.X),
    ),
    SamplePost(
        "We're closed Thursday for Thanksgiving and reopen Friday at 8 a.m. For emergencies, call 911. "
        "Happy Thanksgiving from all of us at Riverbend! 🦃",
        (P.FACEBOOK, P.INSTAGRAM, P.X),
    ),
    SamplePost(
        "November is American Diabetes Month. The American Diabetes Association offers a free 60-second "
        "risk test online. Talk with us about screening at your next checkup.",
        (P.FACEBOOK, P.LINKEDIN),
    ),
    SamplePost(
        "Hand washing is one of the best ways to stop germs from spreading. The CDC suggests scrubbing for "
        "at least 20 seconds, about two rounds of 'Happy Birthday'. 🧼",
        (P.INSTAGRAM, P.FACEBOOK),
    ),
    SamplePost(
        "The Great American Smokeout is the third Thursday of November. Ready to quit? Free help is "
        "available at 1-800-QUIT-NOW, and our team can talk through options with you.",
        (P.FACEBOOK, P.X),
    ),
    SamplePost(
        "Thank you for the kind words! We can't discuss anyone's care online, but we'll share your note "
        "with the team. Please call us at (555) 201-3300 anytime.",
        (P.GOOGLE,),
        reply_to="Best doctor's office in Springfield. Everyone is so kind!",
    ),
    SamplePost(
        "We're sorry to hear this. To protect everyone's privacy we can't discuss details here, but we'd "
        "like to help. Please call our office manager, Luis Ortega, at (555) 201-3300.",
        (P.GOOGLE,),
        reply_to="Waited 45 minutes past my appointment time. Not happy.",
    ),
    SamplePost(
        "Great question! The American Academy of Pediatrics recommends a checkup at 12, 15 and 18 months. "
        "For your own child's schedule, please give us a call at (555) 201-3300.",
        (P.FACEBOOK,),
        reply_to="How often should toddlers have checkups?",
    ),
    SamplePost(
        "Join us for free blood pressure checks in our lobby this Saturday, 10 a.m. to noon, at 120 Oak "
        "Street. No appointment needed!",
        (P.FACEBOOK, P.INSTAGRAM),
    ),
    SamplePost(
        "Ran my first 10K this weekend! Slow and steady, but I finished. 🏃‍♀️ Who else is training for "
        "the spring races?",
        (P.X, P.INSTAGRAM),
        personal=True,
    ),
    SamplePost(
        "Grateful to have spent the morning mentoring medical students at the county health fair. The "
        "future of family medicine is bright.",
        (P.LINKEDIN,),
        personal=True,
    ),
    SamplePost(
        "Sunscreen isn't just for summer. The American Academy of Dermatology recommends a broad-spectrum "
        "SPF 30 or higher any time you're outside. ☀️",
        (P.INSTAGRAM, P.FACEBOOK),
    ),
    SamplePost(
        "Feeling down as the days get shorter? You're not alone. If low mood lasts more than two weeks, "
        "reach out. In a crisis, call or text 988 any time.",
        (P.FACEBOOK, P.X, P.INSTAGRAM),
    ),
    # Drafts with problems the checker should underline.
    SamplePost(
        "Thanks so much, Dorothy! We're glad your knee is feeling better after your injection last Tuesday. "
        "See you at your follow-up!",
        (P.GOOGLE,),
        reply_to="Dr. Patel fixed my knee pain. Highly recommend!",
    ),
    SamplePost(
        "Our new vitamin IV drip boosts immunity and is guaranteed to keep you flu-free all winter! "
        "Book now at (555) 201-3300.",
        (P.INSTAGRAM, P.FACEBOOK),
    ),
    SamplePost(
        "Skipping your flu shot? That's a deadly mistake. Don't be selfish, your kids could die.",
        (P.FACEBOOK,),
    ),
    SamplePost(
        "Sounds like a sinus infection. Take amoxicillin 500 mg three times a day for 10 days.",
        (P.FACEBOOK,),
        reply_to="Stuffy nose and headache for a week. What should I take?",
    ),
    SamplePost(
        "Pt education: HbA1c ≥6.5% dx DM2; titrate metformin q2wk to 2 g/d prn GI tolerance.",
        (P.LINKEDIN,),
    ),
    SamplePost(
        "Reminder to my patients: call me directly at (555) 310-7788 for refills, it's faster than the front desk! 😉",
        (P.X,),
        personal=True,
    ),
    SamplePost(
        "Loving our new VitaGlow multivitamins! Use code RIVER20 for 20% off at vitaglow.example. 🌟",
        (P.INSTAGRAM,),
    ),
    SamplePost(
        "Here's what one patient told us: 'Riverbend changed my life!' We love hearing stories like this.",
        (P.FACEBOOK, P.LINKEDIN),
    ),
)

# How the sample posts spread over statuses: mostly published in the past, approved and scheduled ahead,
# drafts and the review queue now. Problem drafts (index >= 16) never reach approval.
_PAST_STATUSES = (S.PUBLISHED,) * 9 + (S.FAILED,)
_FUTURE_STATUSES = (S.SCHEDULED, S.SCHEDULED, S.APPROVED, S.IN_REVIEW, S.DRAFT, S.CHANGES_REQUESTED)
_PROBLEM_STATUSES = (S.DRAFT, S.IN_REVIEW, S.CHANGES_REQUESTED)
_PROBLEM_START = 16


@dataclass(frozen=True)
class SampleTopic:
    """A practice's own topic, borrowing the sources of a shipped topic on the same subject."""

    id: str
    title: str
    summary: str
    borrow_sources_from: str
    category: str
    key_points: tuple[str, ...]
    short_post: str
    long_post: str
    review_in_days: int  # negative: already past its review-by date, so the library flags it


SAMPLE_TOPICS = (
    SampleTopic(
        id="riverbend-saturday-flu-clinic",
        title="Saturday flu shot clinic at Riverbend",
        summary="Our walk-in flu vaccine clinic for the whole family, with the CDC's advice on who should get one.",
        borrow_sources_from="flu-vaccine-every-year",
        category="vaccines",
        key_points=(
            "Walk-in flu shots on Saturday mornings through the fall.",
            "The CDC recommends a yearly flu vaccine for adults.",
            "Bring your insurance card; no appointment is needed.",
        ),
        short_post="Walk-in flu shots this Saturday, 9 a.m. to noon, at 120 Oak Street. The CDC recommends a flu "
        "vaccine every year for adults. Questions? Call (555) 201-3300.",
        long_post="Our Saturday flu shot clinic is back! Stop by 120 Oak Street between 9 a.m. and noon; no "
        "appointment is needed. The CDC recommends a flu vaccine every year for adults, and it takes only a "
        "few minutes. Bring your insurance card, wear a short-sleeved shirt, and plan to stay about 15 minutes "
        "afterward. Have questions about vaccines for your children? Call us at (555) 201-3300 and our "
        "team will help you find the right time.",
        review_in_days=240,
    ),
    SampleTopic(
        id="riverbend-walk-with-us",
        title="Walk with us on Sunday mornings",
        summary="A free community walk led by our staff, with the physical activity guidelines behind it.",
        borrow_sources_from="adults-150-minutes",
        category="physical-activity",
        key_points=(
            "A free, easy-paced walk around Riverside Park every Sunday at 8 a.m.",
            "Adults need at least 150 minutes of moderate activity a week, according to the CDC.",
            "Everyone is welcome; bring water and comfortable shoes.",
        ),
        short_post="Join our team for a free walk around Riverside Park this Sunday at 8 a.m. The CDC says adults "
        "need at least 150 minutes of moderate activity a week. Every step counts!",
        long_post="Looking for an easy way to move more? Join Riverbend Family Medicine for a free community "
        "walk around Riverside Park every Sunday at 8 a.m. We keep an easy pace, so everyone is welcome. "
        "According to the CDC, adults need at least 150 minutes of moderate activity, like brisk walking, "
        "each week. A weekly walk with friends is a great start. Bring water and comfortable shoes, and "
        "we'll see you at the park entrance on Elm Street.",
        review_in_days=-20,
    ),
)


class DemoNotEmptyError(ComposerError):
    """The demo goes only into an empty database, so real data is never mixed with samples."""


def _topic_data(sample: SampleTopic, today: date) -> dict[str, Any]:
    """The sample topic in the topic-pack shape, validated like any practice topic before it is stored."""
    sources = next(t for t in load_topic_library() if t.id == sample.borrow_sources_from)
    base = topics_to_pack([sources])["topics"][0]
    data = {
        **base,
        "id": sample.id,
        "title": sample.title,
        "summary": sample.summary,
        "category": sample.category,
        "key_points": list(sample.key_points),
        "review_by": (today + timedelta(days=sample.review_in_days)).isoformat(),
        "posts": [{"length": "short", "text": sample.short_post}, {"length": "long", "text": sample.long_post}],
    }
    topics_from_pack({**topics_to_pack([])} | {"topics": [data]}, f"sample topic {sample.id}")
    return data


def fill_demo(workspace: Workspace, *, today: datetime | None = None, seed: int = 7) -> int:
    """Write the sample practice into an empty database; returns the number of posts written."""
    rng = random.Random(seed)
    now = (today or datetime.now(UTC)).astimezone(UTC)
    zone = ZoneInfo(TIME_ZONE)
    with workspace.store() as store:
        if store.practices.first() is not None:
            raise DemoNotEmptyError("This database already holds a practice; the demo only fills an empty one.")
        practice = store.practices.add(
            "Riverbend Family Medicine",
            phone="(555) 201-3300",
            fax="(555) 201-3301",
            email="hello@riverbendfm.example",
            website="riverbendfm.example",
            address="120 Oak Street, Springfield, IL 62704",
            time_zone=TIME_ZONE,
        )
        for name, title in (
            ("Dr. Anika Patel", "Physician, owner"),
            ("Dr. Marcus Reed", "Pediatrician"),
            ("Jenna Cole", "Nurse practitioner"),
            ("Luis Ortega", "Office manager"),
        ):
            store.practices.add_staff(practice.id, name, title)
        patel = store.users.add("Dr. Anika Patel", Role.REVIEWER, "apatel@riverbendfm.example")
        reed = store.users.add("Dr. Marcus Reed", Role.REVIEWER, "mreed@riverbendfm.example")
        ortega = store.users.add("Luis Ortega", Role.ADMIN, "lortega@riverbendfm.example")
        santos = store.users.add("Maria Santos", Role.STAFF, "msantos@riverbendfm.example")
        store.users.add("Jenna Cole", Role.STAFF, "jcole@riverbendfm.example")
        page = store.profiles.add(
            practice.id,
            ProfileKind.PRACTICE,
            "Riverbend Family Medicine",
            owner_id=ortega.id,
            contact_phone=practice.phone,
            contact_email=practice.email,
            time_zone=TIME_ZONE,
        )
        personal = store.profiles.add(
            practice.id, ProfileKind.PERSONAL, "Dr. Anika Patel", owner_id=patel.id, time_zone=TIME_ZONE
        )
        for platform, handle in (
            (P.FACEBOOK, "RiverbendFamilyMedicine"),
            (P.INSTAGRAM, "@riverbendfm"),
            (P.X, "@RiverbendFM"),
            (P.LINKEDIN, "riverbend-family-medicine"),
            (P.GOOGLE, "Riverbend Family Medicine"),
        ):
            store.profiles.add_channel(page.id, platform, handle, secret_ref=f"channel:{page.id}:{platform.value}")
        for platform, handle in (
            (P.X, "@DrAnikaPatel"),
            (P.INSTAGRAM, "@dr.anika.runs"),
            (P.LINKEDIN, "anika-patel-md"),
        ):
            store.profiles.add_channel(personal.id, platform, handle)

        written = 0
        authors = (santos, ortega, santos)
        # About three months: eight weeks back, five weeks ahead, posts three times a week.
        slots = [
            now.date() + timedelta(days=d)
            for d in range(-56, 35)
            if (now.date() + timedelta(days=d)).weekday() in (0, 2, 4)
        ]
        for index, day in enumerate(slots):
            sample = SAMPLE_POSTS[index % len(SAMPLE_POSTS)]
            is_problem = SAMPLE_POSTS.index(sample) >= _PROBLEM_START
            local = datetime.combine(day, time(rng.choice((8, 9, 12, 17)), rng.choice((0, 15, 30))), zone)
            when = local.astimezone(UTC)
            if is_problem:
                status = rng.choice(_PROBLEM_STATUSES)
            elif when < now:
                status = rng.choice(_PAST_STATUSES)
            else:
                status = rng.choice(_FUTURE_STATUSES)
            scheduled = when if status not in (S.DRAFT,) or rng.random() < 0.5 else None
            platform = sample.platforms[index % len(sample.platforms)]
            author = authors[index % len(authors)]
            post = store.posts.add(
                personal.id if sample.personal else page.id,
                platform,
                sample.text,
                kind=PostKind.REPLY if sample.reply_to else PostKind.POST,
                in_reply_to=sample.reply_to,
                status=status,
                scheduled_at=scheduled,
                author_id=author.id,
                created_at=min(when, now) - timedelta(days=3),
            )
            store.audit.append("post.created", "post", post.id, actor_id=author.id, detail={"source": "demo"})
            if status not in (S.DRAFT,):
                store.audit.append("post.submitted", "post", post.id, actor_id=author.id, detail={"errors": "0"})
            if status in (S.APPROVED, S.SCHEDULED, S.PUBLISHED, S.FAILED, S.CHANGES_REQUESTED):
                reviewer = patel if index % 2 else reed
                action = "post.changes_requested" if status is S.CHANGES_REQUESTED else "post.approved"
                store.audit.append(action, "post", post.id, actor_id=reviewer.id, detail={})
            written += 1
        for topic in SAMPLE_TOPICS:
            store.vocabulary.save_topic(practice.id, topic.id, _topic_data(topic, now.date()))
        store.audit.append(
            "practice.demo_filled", "practice", practice.id, actor_id=None, detail={"posts": str(written)}
        )
        return written

"""What the checker needs to know about the practice, gathered from the database in one place.

The practice's own name, contact details and staff are never patient identifiers; the personal
profile's owner matters for profile rules; the practice's dictionary feeds the spelling check.
"""

from __future__ import annotations

from composer.checking import PracticeContext
from composer.domain.model import Profile, ProfileKind
from composer.services.workspace import Workspace


def practice_context(workspace: Workspace, profile: Profile | None = None) -> PracticeContext:
    with workspace.store() as store:
        practice = store.practices.first()
        if practice is None:
            return PracticeContext()
        staff = tuple(member.name for member in store.practices.staff(practice.id))
        words = store.vocabulary.words(practice.id)
        owner = ""
        if profile is not None and profile.kind is ProfileKind.PERSONAL:
            owner = profile.display_name
            if profile.owner_id is not None:
                owner = store.users.get(profile.owner_id).name
    return PracticeContext(
        name=practice.name,
        phone=practice.phone,
        fax=practice.fax,
        email=practice.email,
        website=practice.website,
        address=practice.address,
        staff=staff,
        personal_owner=owner,
        dictionary=words,
    )

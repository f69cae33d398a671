import uuid

import factory

from consultation.comments.models import Comment, Follow
from consultation.people.models import User
from consultation.people.roles import Role
from consultation.responses.models import Response


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Participant {n}")
    role = Role.LA_DATA
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"A considered comment number {n}.")
    submission_key = factory.LazyFunction(uuid.uuid4)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    respondent = factory.SubFactory(UserFactory)


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    follower = factory.SubFactory(UserFactory)

"""The plan schema (pydantic v2). Import models from here."""

from elecsafe.model.base import Sensitivity, field_sensitivity
from elecsafe.model.org import PrivateContact
from elecsafe.model.plan import Plan, PlanIndex

__all__ = ["Plan", "PlanIndex", "PrivateContact", "Sensitivity", "field_sensitivity"]

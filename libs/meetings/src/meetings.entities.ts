import { Agenda } from './agendas/agenda.entity';
import { AgendaItem } from './agendas/agenda-item.entity';
import { AgendaItemPresenter } from './agendas/agenda-item-presenter.entity';
import { Group } from './groups/group.entity';
import { OfficeTerm } from './groups/office-term.entity';
import { MeetingDelegate } from './meetings/delegate.entity';
import { Meeting } from './meetings/meeting.entity';
import { Economy } from './parties/economy.entity';
import { Organization } from './parties/organization.entity';
import { Person } from './parties/person.entity';
import { Session } from './sessions/session.entity';

export const MEETINGS_ENTITIES = [Economy, Organization, Person, Group, OfficeTerm, Meeting, MeetingDelegate, Session, Agenda, AgendaItem, AgendaItemPresenter];

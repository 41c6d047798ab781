import { Field, ID, InterfaceType } from '@nestjs/graphql';

export enum PartyKind {
  ECONOMY = 'ECONOMY',
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
}

/** Anyone who can present, submit or propose: an economy, an organization or a person. */
@InterfaceType('Party', {
  resolveType: (value: { partyKind?: PartyKind }) => {
    switch (value.partyKind) {
      case PartyKind.ECONOMY:
        return 'Economy';
      case PartyKind.ORGANIZATION:
        return 'Organization';
      case PartyKind.PERSON:
        return 'Person';
      default:
        return undefined;
    }
  },
})
export abstract class Party {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The name to show.' })
  name: string;
}

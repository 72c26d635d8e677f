// Public API of @carebook/data: the typed client, its queries and their typed results.
export { createCarebookClient, type CarebookClient, type CarebookClientOptions } from './client.ts';
export {
  signUp,
  choosePassword,
  checkPassword,
  signIn,
  signOut,
  resendConfirmation,
  type SignUpInput,
  type SignUpOutcome,
  type Credentials,
  type SignOutScope,
} from './auth.ts';
export { getMyProfile, updateMyProfile } from './profiles.ts';
export { toProfile, type Profile, type ProfilePatch, type ProfileRow } from './profile.ts';
export { mapAuthError, mapPostgrestError, mapUnknownError } from './errors.ts';
export { ok, fail, type Result, type DataError, type DataErrorCode } from './result.ts';
export type { Database, Json, Tables, TablesInsert, TablesUpdate, Enums } from '@carebook/domain';
export type { Session, User, AuthChangeEvent } from '@supabase/supabase-js';
export {
  searchPractitioners,
  searchPractitionersWithSlots,
  type SearchQuery,
  type SearchHit,
  type SearchPageHit,
} from './search.ts';
export { listSearchTerms, type SearchTerm } from './search-terms.ts';
export {
  suggestPlaces,
  placeDetails,
  PLACE_QUERY_MIN,
  PLACE_QUERY_MAX,
  type PlaceSuggestion,
  type PlaceDetails,
  type PlaceLang,
  type SuggestOptions,
} from './places.ts';
export {
  getPractitionerBySlug,
  getMyPractitionerProfile,
  saveMyPractitionerProfile,
  submitForVerification,
  setMySpecialties,
  type PractitionerPage,
  type MyPractitionerProfile,
  type PractitionerProfileInput,
  type Specialty,
} from './practitioners.ts';
export {
  listConsultationTypes,
  createConsultationType,
  updateConsultationType,
  type ConsultationType,
  type ConsultationTypeInput,
} from './consultation-types.ts';
export { getAvailableSlots, type Slot, type SlotQuery } from './slots.ts';
export {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  listMyAppointments,
  getMyAppointment,
  listPractitionerAppointments,
  type Appointment,
  type BookingRequest,
  type PatientAppointment,
  type CalendarAppointment,
} from './appointments.ts';
export {
  listMyPatients,
  listPatientPage,
  getPatientContact,
  type PatientSummary,
  type PatientRow,
  type PatientContact,
  type Page,
  type PageQuery,
} from './patients.ts';
export {
  listAppointmentPage,
  APPOINTMENT_FILTERS,
  type AppointmentFilter,
  type AppointmentListQuery,
  type PractitionerAppointmentRow,
} from './appointment-list.ts';
export { getAppointmentNote, saveAppointmentNote, type AppointmentNote } from './appointment-notes.ts';
export {
  listAvailabilityRules,
  addAvailabilityRule,
  updateAvailabilityRule,
  deleteAvailabilityRule,
  listAvailabilityExceptions,
  addAvailabilityException,
  updateAvailabilityException,
  deleteAvailabilityException,
  type AvailabilityRule,
  type AvailabilityRuleInput,
  type AvailabilityException,
  type AvailabilityExceptionInput,
} from './availability.ts';
export {
  listMyNotifications,
  countMyUnread,
  markNotificationsRead,
  toAppNotification,
  NOTIFICATION_LIST_MAX,
  type AppNotification,
  type NotificationData,
} from './notifications.ts';
export {
  getMyNotificationSettings,
  setNotificationPreference,
  type NotificationSetting,
  type NotificationPreferenceChange,
  type NotificationCategory,
  type NotificationChannel,
} from './notification-settings.ts';
export { mapFunctionsError } from './functions.ts';
export {
  listPlans,
  getBilling,
  getMySubscription,
  startSubscription,
  openBillingPortal,
  toBillingSummary,
  type Plan,
  type Subscription,
  type SubscriptionStatus,
  type BillingInterval,
  type Invoice,
  type BillingSummary,
} from './billing.ts';
export {
  disconnectGoogle,
  getGoogleConnection,
  listGoogleBusyTimes,
  toBusyTime,
  setGoogleCalendars,
  startGoogleConnect,
  syncGoogleNow,
  toGoogleConnection,
  type BusyTime,
  type GoogleCalendarChoice,
  type GoogleConnection,
} from './google-calendar.ts';
export {
  listMyPayments,
  startAppointmentCheckout,
  type PatientPayment,
  type PaymentStatus,
} from './payments.ts';
export { listMySponsoredTypes, type SponsoredType } from './sponsorships.ts';
export { listProfessions, type Profession } from './professions.ts';
export {
  listMyVerificationDocuments,
  uploadVerificationDocument,
  removeVerificationDocument,
  documentKey,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MIME_TYPES,
  type VerificationDocument,
  type DocumentUpload,
} from './verification-documents.ts';
export { uploadProfilePhoto, photoUrl, PHOTO_MAX_BYTES } from './profile-photo.ts';
export type { UploadProgress, UploadTransport } from './upload.ts';
export {
  amIStaff,
  listStaffPractitioners,
  getDeskCounts,
  toDeskCounts,
  getProfileForReview,
  decideOnPractitioner,
  openVerificationDocument,
  listAuditEntries,
  listDeliveryProblems,
  retryDelivery,
  listPaymentProblems,
  listSubscriptionProblems,
  STAFF_SEARCH_MAX,
  TROUBLED_SUBSCRIPTION_STATUSES,
  type StaffPractitioner,
  type StaffPractitionerQuery,
  type DeskCounts,
  type ProfileUnderReview,
  type ReviewDocument,
  type ReviewDecision,
  type AuditEntry,
  type AuditQuery,
  type DeliveryProblem,
  type PaymentProblem,
  type SubscriptionProblem,
} from './staff.ts';
export {
  listCatalogue,
  renameProfession,
  renameSpecialty,
  addSpecialty,
  countSearchMatches,
  type CatalogueProfession,
  type CatalogueSpecialty,
  type CatalogueNames,
} from './catalogue.ts';
export {
  listContentPages,
  getContentPage,
  saveContentPage,
  CONTENT_SLUG,
  type ContentPage,
  type ContentPageInput,
} from './content-pages.ts';
export {
  getPractitionerCalendar,
  toPractitionerCalendar,
  setAppointmentOutcome,
  moveAvailabilityException,
  CALENDAR_WINDOW_MAX_DAYS,
  type PractitionerCalendar,
  type CalendarBooking,
  type CalendarBlock,
  type CalendarBusy,
  type CalendarType,
  type AppointmentOutcome,
} from './calendar.ts';
export {
  listCareTypes,
  requestHomeCare,
  uploadPrescription,
  getHomeCareRequest,
  cancelHomeCareRequest,
  getOfferSummary,
  acceptOffer,
  declineOffer,
  listMyOffers,
  getMyHomeVisitSettings,
  saveMyHomeVisitSettings,
  listMyRoundVisits,
  listUnassignedHomeCare,
  listHomeCareCandidates,
  assignHomeCareRequest,
  listAllCareTypes,
  listMyHomeCareRequests,
  addCareType,
  updateCareType,
  parseRange,
  DEFAULT_HOME_VISIT_SETTINGS,
  type CareType,
  type StaffCareType,
  type MyHomeCareRequest,
  type CareTypeInput,
  type HomeCareUrgency,
  type HomeCareState,
  type HomeCareOfferState,
  type HomeCareRequestInput,
  type HomeCareRequestView,
  type HomeCareVisit,
  type OfferSummary,
  type MyOffer,
  type HomeVisitSettings,
  type RoundVisit,
  type UnassignedRequest,
  type Candidate,
} from './home-care.ts';
